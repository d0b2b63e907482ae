#!/usr/bin/env python3
"""The client side of bench/crash-test.sh, Python 3 standard library only.

  crash-writers.py participants API USER PASSWORD N            refers N synthetic participants, prints their ids
  crash-writers.py write API USER PASSWORD IDS LOG WRITERS     writes until the service goes away
  crash-writers.py check API USER PASSWORD IDS LOG [EARLIER...] looks up what this round's LOG and the
                                                               earlier rounds' logs say was acknowledged

A writer schedules a session in the past, then records its outcome, again and again. Only an answer
that arrived (201 for the session, 200 for the outcome) counts as acknowledged, and only then is it
appended to LOG; a request cut off by the kill is neither. The log lives in this process, which the
test never kills, so it survives the service's crash.
"""
import base64
import http.client
import datetime
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request


class Client:
    def __init__(self, api, user, password):
        self.api = api
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}

    def call(self, method, path, body=None):
        """(status, parsed JSON or None); raises OSError when the service cannot be reached."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.api + path, data=data, method=method, headers=self.headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as refused:
            return refused.code, None


def participants(client, count):
    received = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=30)).date().isoformat()
    for n in range(count):
        status, referral = client.call("POST", "/referrals", {
            "siteCode": "CRASH", "receivedOn": received, "source": "police", "referrer": "Crash test",
            "behaviour": "SYNTHETIC crash test", "victimRef": f"VA-CRASH-{n}", "legalStatus": "None",
            "participant": {"givenName": "SYNTHETIC", "familyName": f"Crash{n}", "dateOfBirth": "1980-01-01"}})
        if status != 201:
            sys.exit(f"referring participant {n} answered {status}")
        print(referral["participantId"])


def write(client, ids, log_path, writers):
    lock = threading.Lock()
    counts = {"session": 0, "outcome": 0, "refused": 0}
    log = open(log_path, "a", encoding="utf-8")
    started = time.monotonic()

    def acknowledged(kind, participant, record):
        with lock:
            log.write(f"{kind} {participant} {record} {time.monotonic() - started:.3f}\n")
            log.flush()
            counts[kind] += 1

    def refused(what, status):
        with lock:
            counts["refused"] += 1
            if counts["refused"] <= 5:
                print(f"{what} answered {status}", file=sys.stderr)

    def writer(n):
        participant = ids[n % len(ids)]
        path = f"/participants/{participant}/sessions"
        rng = random.Random(n)
        now = datetime.datetime.now(datetime.timezone.utc)
        try:
            while True:
                # a distinct time in the past 28 days: after the referral, and the outcome may be recorded
                at = now - datetime.timedelta(hours=1, microseconds=rng.randrange(28 * 86_400_000_000))
                status, session = client.call("POST", path, {
                    "kind": "individual_therapy", "scheduledAt": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "durationMinutes": 50, "facilitator": "Crash test"})
                if status != 201:
                    refused("scheduling a session", status)
                    continue
                acknowledged("session", participant, session["id"])
                status, _ = client.call("POST", f"{path}/{session['id']}/outcome",
                                        {"outcome": "attended", "engagement": rng.randint(1, 5)})
                if status != 200:
                    refused("recording an outcome", status)
                    continue
                acknowledged("outcome", participant, session["id"])
        except (OSError, http.client.HTTPException, ValueError):
            return  # the service went away (killed), even mid-answer: this writer is done

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log.close()
    print(counts["session"], counts["outcome"], counts["refused"])


def check(client, ids, logs):
    """Prints: this round's acknowledged and found, then all rounds' acknowledged and found, then the
    sessions found that no answer acknowledged (in flight at a kill, yet committed)."""
    stored = {}
    for participant in ids:
        offset = 0
        while True:
            status, page = client.call("GET", f"/participants/{participant}/sessions?limit=500&offset={offset}")
            if status != 200:
                sys.exit(f"listing the sessions of {participant} answered {status}")
            for session in page["items"]:
                stored[session["id"]] = session["outcome"]
            if page["next"] is None:
                break
            offset += len(page["items"])

    def tally(path):
        acknowledged = found = 0
        sessions = set()
        with open(path, encoding="utf-8") as log:
            for line in log:
                kind, _, record, _ = line.split()
                sessions.add(record)
                acknowledged += 1
                if record in stored and (kind == "session" or stored[record] is not None):
                    found += 1
        return acknowledged, found, sessions

    round_acknowledged, round_found, _ = tally(logs[0])
    all_acknowledged = all_found = 0
    all_sessions = set()
    for path in logs:
        acknowledged, found, sessions = tally(path)
        all_acknowledged += acknowledged
        all_found += found
        all_sessions |= sessions
    print(round_acknowledged, round_found, all_acknowledged, all_found, len(set(stored) - all_sessions))


def main(argv):
    mode, api, user, password = argv[1:5]
    client = Client(api, user, password)
    if mode == "participants":
        participants(client, int(argv[5]))
        return
    with open(argv[5], encoding="utf-8") as file:
        ids = file.read().split()
    if mode == "write":
        write(client, ids, argv[6], int(argv[7]))
    elif mode == "check":
        check(client, ids, argv[6:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
