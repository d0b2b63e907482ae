package org.desist.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.desist.db.IsoTimeColumns;
import org.desist.participant.MatchKey;
import org.desist.referral.Priority;
import org.desist.referral.ReviewQueueOrder;

/**
 * One synthetic participant's case, from referral to follow-up, written as rows: a referral and its
 * review; for those accepted an enrolment through its states; assessments, sessions (weekly therapy and
 * more, with an attendance and engagement of their own), desistance reviews with risk drifting mostly
 * down, onward referrals, incidents during the programme and reoffending after exit (less often after
 * completion than after a drop-out). Everything is drawn from the case's own random stream, and nothing
 * happens after the programme's synthetic "today", so a seed always gives the same case.
 */
final class SyntheticCase {
    /** Tables in the order their rows must reach the database (parents first), with the columns written. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(
                "participant",
                "id,case_ref,site_code,given_name,family_name,date_of_birth,pnc_id,nhs_number,version,"
                        + "created_at,updated_at,given_key,family_key");
        TABLES.put(
                "participant_version",
                "participant_id,version,given_name,family_name,date_of_birth,pnc_id,"
                        + "nhs_number,recorded_at,recorded_by");
        TABLES.put(
                "referral",
                "id,participant_id,site_code,received_on,source,referrer,behaviour,victim_ref,"
                        + "legal_status,status,priority_rank,priority,decision,reviewed_on,review_reason,reviewed_by,created_at,"
                        + "created_by");
        TABLES.put("enrolment", "id,participant_id,cohort_id,state,state_on,is_open,enrolled_on,created_at");
        TABLES.put("enrolment_event", "id,enrolment_id,seq,state,on_date,reason,reason_code,actor,recorded_at");
        TABLES.put(
                "assessment",
                "id,participant_id,kind,assessed_on,assessor,instrument,risk_violence,risk_persistence,"
                        + "risk_recurrence,risk_psychosocial_damage,overall_risk,stalker_type,relationship,diagnoses,"
                        + "substance_misuse,status,version,recorded_at,recorded_by");
        TABLES.put(
                "session",
                "id,participant_id,kind,scheduled_at,duration_minutes,facilitator,outcome,engagement,"
                        + "shareable,outcome_recorded_at,outcome_recorded_by,status,error_reason,version,recorded_at,recorded_by,"
                        + "amended_at,amended_by");
        TABLES.put(
                "service_referral",
                "id,participant_id,service,kind,provider,made_on,reason,state,state_on,status,"
                        + "version,recorded_at,recorded_by");
        TABLES.put("service_referral_move", "service_referral_id,seq,state,on_date,reason,actor,recorded_at");
        TABLES.put(
                "desistance_review",
                "id,participant_id,reviewed_on,risk_violence,risk_persistence,risk_recurrence,"
                        + "risk_psychosocial_damage,fixation,victim_contact_since_last_review,engagement,status,version,"
                        + "recorded_at,recorded_by");
        TABLES.put(
                "incident",
                "id,participant_id,kind,occurred_on,source,details,status,error_reason,version,"
                        + "recorded_at,recorded_by,amended_at,amended_by");
    }

    static final String BY = "synthetic-seed";
    static final String MARK = "SYNTHETIC";
    private static final String[] RATINGS = {"low", "moderate", "high"};
    private static final String[] OUTCOME_EXITS = {"completed", "disengaged", "withdrawn", "breached", "transferred"};

    private final SplittableRandom random;
    private final SyntheticIds ids;
    private final Rows rows;
    private final LocalDate today;
    private int sessions;

    SyntheticCase(SplittableRandom random, SyntheticIds ids, Rows rows, LocalDate today) {
        this.random = random;
        this.ids = ids;
        this.rows = rows;
        this.today = today;
    }

    /** Writes the case; returns how many sessions it holds. */
    int write(int number, String siteCode, String caseRef, LocalDate receivedOn, CohortOf cohorts) {
        String participant = ids.next(1);
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
        String family = String.format("Participant %06d", number);
        rows.add(
                "participant",
                participant,
                caseRef,
                siteCode,
                MARK,
                family,
                born.toString(),
                null,
                null,
                1,
                at(receivedOn, 9, 0),
                at(receivedOn, 9, 0),
                MatchKey.name(MARK),
                MatchKey.name(family));
        rows.add(
                "participant_version",
                participant,
                1,
                MARK,
                family,
                born.toString(),
                null,
                null,
                at(receivedOn, 9, 0),
                BY);

        String priority = pick(new String[] {"high", "medium", "standard"}, 0.3, 0.4, 0.3);
        String decision = pick(
                new String[] {
                    "accept_for_intervention", "community_referral_only", "consultation_only", "no_further_action"
                },
                0.72,
                0.12,
                0.08,
                0.08);
        LocalDate reviewedOn = receivedOn.plusDays(
                random.nextInt(3) + random.nextInt(4) + (random.nextInt(10) == 0 ? random.nextInt(10) : 0));
        boolean reviewed = !reviewedOn.isAfter(today) && random.nextDouble() < 0.97;
        rows.add(
                "referral",
                ids.next(2),
                participant,
                siteCode,
                receivedOn.toString(),
                pick(
                        new String[] {"police", "mental_health_team", "advocacy_service", "probation", "other"},
                        0.45,
                        0.15,
                        0.15,
                        0.2,
                        0.05),
                MARK + " referrer",
                MARK + " referral: generated for demonstrations and benchmarks, not a real person",
                String.format("SYN-VA-%06d", number),
                MARK,
                reviewed ? "reviewed" : "awaiting_review",
                reviewed ? rank(priority) : 0,
                reviewed ? priority : null,
                reviewed ? decision : null,
                reviewed ? reviewedOn.toString() : null,
                reviewed ? MARK + " daily review" : null,
                reviewed ? BY : null,
                at(receivedOn, 9, 0),
                BY);
        sessions = 0;
        if (reviewed && decision.equals("accept_for_intervention")) {
            enrol(participant, reviewedOn.plusDays(1 + random.nextInt(7)), siteCode, cohorts);
        }
        return sessions;
    }

    /** Looks up the cohort a site runs in a given year, if any. */
    interface CohortOf {
        String of(String siteCode, LocalDate on);
    }

    private record Move(String state, LocalDate on, String reasonCode) {}

    private void enrol(String participant, LocalDate opened, String siteCode, CohortOf cohorts) {
        String cohort = cohorts.of(siteCode, opened);
        if (opened.isAfter(today) || cohort == null) {
            return;
        }
        List<Move> moves = new ArrayList<>(List.of(new Move("referred", opened, null)));
        int[] risk = {risk(), risk(), risk(), risk()};
        LocalDate enrolledOn = null;
        LocalDate exitOn = null;
        String exit = null;
        if (random.nextDouble() < 0.08) {
            happen(moves, "withdrawn", opened.plusDays(5 + random.nextInt(26)), "motivation/withdrew_consent");
        } else if (happen(moves, "assessing", opened.plusDays(3 + random.nextInt(12)), null)) {
            LocalDate assessing = moves.get(moves.size() - 1).on();
            assess(participant, assessing.plusDays(2 + random.nextInt(9)), risk, "risk", "SRP");
            if (random.nextDouble() < 0.4) {
                assess(
                        participant,
                        assessing.plusDays(10 + random.nextInt(20)),
                        risk,
                        "psychological",
                        "clinical_interview");
            }
            consultations(participant, assessing);
            double next = random.nextDouble();
            LocalDate decided = assessing.plusDays(7 + random.nextInt(29));
            if (next < 0.82) {
                if (happen(moves, "enrolled", decided, null)) {
                    enrolledOn = decided;
                    exit = pick(OUTCOME_EXITS, 0.58, 0.14, 0.09, 0.11, 0.08);
                    LocalDate leaves = enrolledOn.plusDays(
                            exit.equals("completed") ? 180 + random.nextInt(241) : 30 + random.nextInt(271));
                    if (happen(moves, exit, leaves, reasonCode(exit))) {
                        exitOn = leaves;
                    } else {
                        exit = null;
                    }
                }
            } else {
                happen(
                        moves,
                        next < 0.93 ? "not_suitable" : "withdrawn",
                        decided,
                        next < 0.93 ? "clinical/criteria_not_met" : "motivation/declined_to_engage");
            }
        }
        Move last = moves.get(moves.size() - 1);
        boolean open = List.of("referred", "assessing", "enrolled").contains(last.state());
        String enrolment = ids.next(3);
        rows.add(
                "enrolment",
                enrolment,
                participant,
                cohort,
                last.state(),
                last.on().toString(),
                open ? 1 : 0,
                enrolledOn == null ? null : enrolledOn.toString(),
                at(opened, 10, 0));
        for (int i = 0; i < moves.size(); i++) {
            Move move = moves.get(i);
            rows.add(
                    "enrolment_event",
                    ids.next(4),
                    enrolment,
                    i + 1,
                    move.state(),
                    move.on().toString(),
                    MARK + " move to " + move.state(),
                    move.reasonCode(),
                    BY,
                    at(move.on(), 17, 0));
        }
        if (enrolledOn != null) {
            LocalDate end = exitOn != null ? exitOn : today;
            inProgramme(participant, enrolledOn, end, exit, risk);
            if (exitOn != null) {
                afterExit(participant, exitOn, exit);
            }
        }
    }

    /** Adds a move if it has happened by today. */
    private boolean happen(List<Move> moves, String state, LocalDate on, String reasonCode) {
        if (on.isAfter(today)) {
            return false;
        }
        moves.add(new Move(state, on, reasonCode));
        return true;
    }

    private void assess(String participant, LocalDate on, int[] risk, String kind, String instrument) {
        if (on.isAfter(today)) {
            return;
        }
        int overall = Math.max(Math.max(risk[0], risk[1]), Math.max(risk[2], risk[3]));
        rows.add(
                "assessment",
                ids.next(5),
                participant,
                kind,
                on.toString(),
                MARK + " assessor",
                instrument,
                RATINGS[risk[0]],
                RATINGS[risk[1]],
                RATINGS[risk[2]],
                RATINGS[risk[3]],
                RATINGS[overall],
                pick(
                        new String[] {"rejected", "resentful", "intimacy_seeking", "incompetent_suitor", "predatory"},
                        0.45,
                        0.15,
                        0.2,
                        0.15,
                        0.05),
                pick(
                        new String[] {
                            "ex_intimate", "acquaintance", "workplace", "professional_contact", "stranger", "other"
                        },
                        0.5,
                        0.2,
                        0.1,
                        0.05,
                        0.1,
                        0.05),
                "[]",
                "[]",
                "active",
                1,
                at(on, 17, 0),
                BY);
    }

    /** A case consultation and a psychiatric review while the participant is assessed. */
    private void consultations(String participant, LocalDate assessing) {
        double attendance = 0.8;
        session(participant, "case_consultation", assessing.plusDays(1 + random.nextInt(5)), 11, 60, attendance, 3.0);
        session(participant, "psychiatric_review", assessing.plusDays(5 + random.nextInt(10)), 14, 45, attendance, 3.0);
    }

    /**
     * While enrolled: weekly individual therapy, weekly group therapy for most, nurse contact and a
     * monthly psychiatric review; desistance reviews every three months; onward referrals; incidents.
     */
    private void inProgramme(String participant, LocalDate enrolledOn, LocalDate end, String exit, int[] risk) {
        double attendance = clamp(
                (exit == null || exit.equals("completed") || exit.equals("transferred") ? 0.86 : 0.62)
                        + (random.nextDouble() - 0.5) * 0.2,
                0.2,
                0.98);
        double engagement = 2.2 + random.nextDouble() * 2.2;
        boolean group = random.nextDouble() < 0.9;
        boolean nurse = random.nextDouble() < 0.85;
        LocalDate last = exit == null ? today.plusDays(14) : end;
        int hour = 9 + random.nextInt(8);
        for (LocalDate week = enrolledOn.plusDays(1 + random.nextInt(6));
                !week.isAfter(last);
                week = week.plusWeeks(1)) {
            session(participant, "individual_therapy", week, hour, 50, attendance, engagement);
            if (group) {
                session(participant, "group_therapy", week.plusDays(2), 18, 90, attendance, engagement);
            }
            if (nurse) {
                session(participant, "nurse_contact", week.plusDays(3), 10, 30, attendance, engagement);
            }
            if (week.getDayOfMonth() <= 7) {
                session(participant, "psychiatric_review", week.plusDays(1), 15, 45, attendance, engagement);
            }
        }
        reviews(participant, enrolledOn, end, risk, engagement);
        onward(participant, enrolledOn, end);
        for (LocalDate block = enrolledOn; block.isBefore(end); block = block.plusDays(90)) {
            if (random.nextDouble() < 0.12) {
                LocalDate on = block.plusDays(random.nextInt(90));
                if (!on.isAfter(end) && !on.isAfter(today)) {
                    incident(
                            participant,
                            pick(
                                    new String[] {"contact_with_victim", "breach_of_order", "arrest", "new_allegation"},
                                    0.4,
                                    0.3,
                                    0.15,
                                    0.15),
                            on);
                }
            }
        }
    }

    private void session(
            String participant,
            String kind,
            LocalDate on,
            int hour,
            int minutes,
            double attendance,
            double engagement) {
        Instant scheduled = on.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        String id = ids.next(6);
        String recordedAt = at(on.minusDays(7), 16, 0);
        String facilitator = MARK + " facilitator " + (1 + random.nextInt(8));
        sessions++;
        if (on.isAfter(today)) {
            rows.add(
                    "session",
                    id,
                    participant,
                    kind,
                    IsoTimeColumns.format(scheduled),
                    minutes,
                    facilitator,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "active",
                    null,
                    1,
                    recordedAt,
                    BY,
                    null,
                    null);
            return;
        }
        double draw = random.nextDouble();
        String outcome;
        if (draw < 0.04) {
            outcome = "cancelled_by_service";
        } else if (draw < 0.09) {
            outcome = "cancelled_by_participant";
        } else if (random.nextDouble() < attendance) {
            outcome = random.nextDouble() < 0.1 ? "late" : "attended";
        } else {
            outcome = "did_not_attend";
        }
        Integer rating = null;
        if ((outcome.equals("attended") || outcome.equals("late")) && random.nextDouble() < 0.85) {
            rating = (int) Math.round(clamp(engagement + (random.nextDouble() - 0.5) * 2, 1, 5));
        }
        String recorded = IsoTimeColumns.format(scheduled.plusSeconds(60L * (minutes + 30)));
        boolean inError = random.nextDouble() < 0.003;
        rows.add(
                "session",
                id,
                participant,
                kind,
                IsoTimeColumns.format(scheduled),
                minutes,
                facilitator,
                outcome,
                rating,
                false,
                recorded,
                BY,
                inError ? "entered_in_error" : "active",
                inError ? MARK + ": recorded against the wrong participant" : null,
                inError ? 3 : 2,
                recordedAt,
                BY,
                inError ? recorded : null,
                inError ? BY : null);
    }

    /** Desistance reviews every three months or so; each domain's rating drifts, mostly down. */
    private void reviews(String participant, LocalDate enrolledOn, LocalDate end, int[] risk, double engagement) {
        int fixation = 4 + random.nextInt(7);
        for (LocalDate on = enrolledOn.plusDays(84 + random.nextInt(17));
                !on.isAfter(end) && !on.isAfter(today);
                on = on.plusDays(84 + random.nextInt(17))) {
            for (int domain = 0; domain < risk.length; domain++) {
                double move = random.nextDouble();
                if (move < 0.25 && risk[domain] > 0) {
                    risk[domain]--;
                } else if (move > 0.93 && risk[domain] < 2) {
                    risk[domain]++;
                }
            }
            fixation = (int) clamp(fixation - 1 + random.nextInt(3) - (random.nextDouble() < 0.3 ? 1 : 0), 0, 10);
            rows.add(
                    "desistance_review",
                    ids.next(7),
                    participant,
                    on.toString(),
                    RATINGS[risk[0]],
                    RATINGS[risk[1]],
                    RATINGS[risk[2]],
                    RATINGS[risk[3]],
                    fixation,
                    random.nextDouble() < 0.1 ? 1 : 0,
                    (int) Math.round(clamp(engagement + random.nextDouble() - 0.5, 1, 5)),
                    "active",
                    1,
                    at(on, 17, 0),
                    BY);
        }
    }

    private void onward(String participant, LocalDate enrolledOn, LocalDate end) {
        int referrals = random.nextDouble() < 0.45 ? (random.nextDouble() < 0.15 ? 2 : 1) : 0;
        for (int i = 0; i < referrals; i++) {
            LocalDate made = enrolledOn.plusDays(7 + random.nextInt(114));
            if (made.isAfter(end) || made.isAfter(today)) {
                continue;
            }
            String service = pick(new String[] {"mental_health", "substance_misuse", "other"}, 0.45, 0.3, 0.25);
            String kind =
                    switch (service) {
                        case "mental_health" ->
                            pick(
                                    new String[] {"community_mental_health_team", "talking_therapies", "inpatient"},
                                    0.5,
                                    0.45,
                                    0.05);
                        case "substance_misuse" -> pick(new String[] {"drug", "alcohol"}, 0.4, 0.6);
                        default ->
                            pick(new String[] {"housing", "employment", "domestic_abuse_programme"}, 0.4, 0.3, 0.3);
                    };
            List<Move> moves = new ArrayList<>(List.of(new Move("made", made, null)));
            LocalDate on = made.plusDays(7 + random.nextInt(15));
            if (random.nextDouble() < 0.7) {
                if (happen(moves, "accepted", on, null)) {
                    on = on.plusDays(7 + random.nextInt(24));
                    if (random.nextDouble() < 0.75) {
                        if (happen(moves, "engaged", on, null)) {
                            double next = random.nextDouble();
                            on = on.plusDays(60 + random.nextInt(141));
                            if (next < 0.6) {
                                happen(moves, "completed", on, null);
                            } else if (next < 0.85) {
                                happen(moves, "disengaged", on, null);
                            }
                        }
                    } else {
                        happen(moves, "disengaged", on, null);
                    }
                }
            } else {
                happen(moves, "declined", on, null);
            }
            Move last = moves.get(moves.size() - 1);
            String id = ids.next(8);
            rows.add(
                    "service_referral",
                    id,
                    participant,
                    service,
                    kind,
                    MARK + " provider",
                    made.toString(),
                    MARK + " onward referral",
                    last.state(),
                    last.on().toString(),
                    "active",
                    moves.size(),
                    at(made, 17, 0),
                    BY);
            for (int m = 0; m < moves.size(); m++) {
                rows.add(
                        "service_referral_move",
                        id,
                        m + 1,
                        moves.get(m).state(),
                        moves.get(m).on().toString(),
                        MARK + " move",
                        BY,
                        at(moves.get(m).on(), 17, 0));
            }
        }
    }

    /** Reoffending after exit: less likely after completing than after dropping out. */
    private void afterExit(String participant, LocalDate exitOn, String exit) {
        double chance =
                switch (exit) {
                    case "completed" -> 0.3;
                    case "transferred" -> 0.45;
                    default -> 0.6;
                };
        if (random.nextDouble() >= chance) {
            return;
        }
        LocalDate on = exitOn.plusDays(14 + (long) (-Math.log(1 - random.nextDouble()) * 300));
        if (on.isAfter(today)) {
            return;
        }
        incident(participant, pick(new String[] {"new_allegation", "charge", "conviction"}, 0.6, 0.25, 0.15), on);
        if (random.nextDouble() < 0.4) {
            LocalDate charged = on.plusDays(30 + random.nextInt(91));
            if (!charged.isAfter(today)) {
                incident(participant, "charge", charged);
                LocalDate convicted = charged.plusDays(90 + random.nextInt(211));
                if (random.nextDouble() < 0.6 && !convicted.isAfter(today)) {
                    incident(participant, "conviction", convicted);
                }
            }
        }
    }

    private void incident(String participant, String kind, LocalDate on) {
        boolean inError = random.nextDouble() < 0.01;
        rows.add(
                "incident",
                ids.next(9),
                participant,
                kind,
                on.toString(),
                pick(
                        new String[] {"police", "probation", "advocacy_service", "health", "self_report"},
                        0.5,
                        0.2,
                        0.15,
                        0.1,
                        0.05),
                MARK + " incident",
                inError ? "entered_in_error" : "active",
                inError ? MARK + ": duplicate report" : null,
                inError ? 2 : 1,
                at(on, 18, 0),
                BY,
                inError ? at(on.plusDays(1), 9, 0) : null,
                inError ? BY : null);
    }

    private int risk() {
        double draw = random.nextDouble();
        return draw < 0.2 ? 0 : draw < 0.65 ? 1 : 2;
    }

    private static String reasonCode(String exit) {
        return switch (exit) {
            case "completed" -> "completion/planned_end";
            case "disengaged" -> "motivation/lost_contact";
            case "withdrawn" -> "motivation/withdrew_consent";
            case "breached" -> "sentence/breach_proceedings";
            default -> "operational/transferred_service";
        };
    }

    private static int rank(String priority) {
        return ReviewQueueOrder.rank(Priority.valueOf(priority));
    }

    private String pick(String[] values, double... weights) {
        double draw = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (draw < sum) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String at(LocalDate date, int hour, int minute) {
        return IsoTimeColumns.format(date.atTime(hour, minute).toInstant(ZoneOffset.UTC));
    }
}
