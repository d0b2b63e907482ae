# Shared by the benchmark scripts; source it, do not run it. Bash, from the repository's root
# (bench_init goes there). Needs: Java 17, Maven, curl, python3 (free ports), sqlite3 (seeded databases).
#
#   bench_init                 cd to the repository, make $work (a temporary folder), trap cleanup on exit
#   build_if_needed            mvn package unless service/target/desist.jar (or $DESIST_BENCH_JAR) exists
#   free_port                  a free TCP port on 127.0.0.1
#   median                     median of the numbers on stdin, one a line
#   seeded_db N S              path of a database seeded with N participants and seed S, made once and
#                              cached under $DESIST_BENCH_CACHE (default /tmp/desist-bench), keyed by N, S
#                              and the migrations and synthetic-data sources; N=0 gives an empty path
#   working_copy N S           (call as db=$(working_copy N S) || exit 1) a copy of that database in $work (the scripts write into it), or a new empty
#                              database when N=0; prints its path
#   start_service DB           start the jar on DB with free ports; waits for /healthcheck; sets pid, port,
#                              admin_port, api, admin, started_s, healthy_s; a failed start prints the log and exits
#   stop_service               stop it (also done on exit)
#   add_user ARGS...           add-user on $DESIST_DB_URL with $password
#   token_for USER             a bearer token for USER (Basic login once, as a client would)
#   rss_kb PID FIELD           VmRSS or VmHWM of PID, in kB
#   machine                    one line about the machine and its load
#   need TOOL "how to get it"  exit with a message when TOOL is missing

bench_init() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  work=$(mktemp -d -t desist-bench-XXXX)
  pid=
  trap 'stop_service; rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM
  password='bench-password-long-enough'
  # the bench's accounts get their tokens with the password alone, as a script on a synthetic database may: with the
  # second factor required (the default since issue 16) token_for got nothing and every script stopped at 'no token'
  export DESIST_MFA_REQUIRED=false
  export DESIST_PSEUDONYM_KEY=${DESIST_PSEUDONYM_KEY:-'TiglU8VcSaIidAhYPcseaGQLo7NhnuTjqiDlFwYDoXI='}
  jar=${DESIST_BENCH_JAR:-service/target/desist.jar}
}

need() { command -v "$1" > /dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }

build_if_needed() {
  need java "install a Java 17 JDK"
  [ -f "$jar" ] || { need mvn "install Maven"; mvn -q -DskipTests package; }
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

seeded_db() {
  local participants=$1 seed=$2
  [ "$participants" -gt 0 ] || { echo ""; return; }
  need sqlite3 "apt-get install -y sqlite3"
  local cache=${DESIST_BENCH_CACHE:-/tmp/desist-bench}
  local key
  key=$(find migrations service/src/main/java/org/desist/synthetic -type f | sort | xargs cat | sha1sum | cut -c1-10)
  local db="$cache/seed-$participants-$seed-$key.db"
  mkdir -p "$cache"
  (
    flock 9
    if [ ! -f "$db" ]; then
      echo "seeding $participants participants (seed $seed) into $db (once; cached)" >&2
      local started; started=$(date +%s.%N)
      rm -f "$db.part" "$db.part-wal" "$db.part-shm"
      DESIST_DB_URL="jdbc:sqlite:$db.part" java -jar "$jar" seed --participants "$participants" --seed "$seed" \
        config.yml >&2 || exit 1
      sqlite3 "$db.part" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null || exit 1
      rm -f "$db.part-wal" "$db.part-shm"
      mv "$db.part" "$db"
      awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "seed wall time: %.1f s\n", b - a }' >&2
    fi
  ) 9> "$cache/.lock" || return 1
  echo "$db"
}

working_copy() {
  local source copy="$work/bench-$RANDOM.db"
  source=$(seeded_db "$1" "$2") || return 1
  if [ -n "$source" ]; then cp --reflink=auto "$source" "$copy" || return 1; fi
  echo "$copy"
}

start_service() {
  local db=$1
  port=$(free_port)
  admin_port=$(free_port)
  export DESIST_DB_URL="jdbc:sqlite:$db" DESIST_PORT=$port DESIST_ADMIN_PORT=$admin_port
  api="http://127.0.0.1:$port/api"
  admin="http://127.0.0.1:$admin_port"
  started_s=$(date +%s.%N)
  java ${DESIST_BENCH_JAVA_OPTS:-} -jar "$jar" server config.yml >> "$work/service.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$admin/healthcheck"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start:" >&2; tail -20 "$work/service.log" >&2; pid=; exit 1; }
    sleep "${poll_interval:-0.05}"
  done
  healthy_s=$(date +%s.%N)
}

stop_service() {
  if [ -n "${pid:-}" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
  fi
}

add_user() { echo "$password" | java -jar "$jar" add-user "$@" config.yml > /dev/null; }

token_for() {
  curl -fs -u "$1:$password" -X POST "$api/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

machine() {
  echo "machine: $(nproc) cores, $(awk -F: '/model name/ { print $2; exit }' /proc/cpuinfo | sed 's/^ *//'),"\
    "$(free -g | awk '/Mem:/ { print $2 }') GB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg);"\
    "$(java -version 2>&1 | head -1)"
}
