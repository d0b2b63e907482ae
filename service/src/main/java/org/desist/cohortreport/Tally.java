package org.desist.cohortreport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What the SQL aggregates give for one group (a cohort, a site): counts by category, histograms and
 * month series, before any figure is derived from them. Tallies of sites add up to a model's tally,
 * histograms included, so a model's median is the median of its sites' values, not a mean of medians.
 */
public final class Tally {
    final Map<String, Integer> receivedBySource = new TreeMap<>();
    final Map<String, Integer> reviewedByPriority = new TreeMap<>();
    /** Days from receipt to review → how many referrals took that long. */
    final Map<Integer, Integer> daysToReview = new TreeMap<>();

    final Map<String, Integer> enrolmentsByState = new TreeMap<>();
    /** Month → enrolments that reached 'enrolled' in it (up to the period's end). */
    final Map<YearMonth, Integer> enrolledInMonth = new TreeMap<>();

    int target;
    /** The day the last of the cohorts counted ends; null with no cohort. */
    LocalDate endsOn;

    final Map<String, Integer> exitsByState = new TreeMap<>();
    /** Reason category → drop-outs (exits other than completed and transferred) with it. */
    final Map<String, Integer> droppedOutByReason = new TreeMap<>();
    /** State → days spent in it before the next move → how many moves out of it. */
    final Map<String, Map<Integer, Integer>> daysInState = new TreeMap<>();

    final Map<YearMonth, Outcomes> sessionsByMonth = new TreeMap<>();
    final Map<String, Onward> onwardByService = new TreeMap<>();
    int riskCompared;
    /** Domain → participants moved [down, same, up]. */
    final Map<String, int[]> riskMovement = new TreeMap<>();

    final Map<String, Integer> incidentsByKind = new TreeMap<>();
    /** Exit date and first reoffence after it (null: none yet) → how many exits. */
    final Map<FollowUp, Integer> exitsFollowed = new TreeMap<>();

    /** Session outcomes of one month, as the attendance rate needs them. */
    static final class Outcomes {
        int attendedOrLate;
        int didNotAttend;
        int cancelledByParticipant;
        int cancelledByService;
        long engagementSum;
        int engagementRated;

        void add(Outcomes other) {
            attendedOrLate += other.attendedOrLate;
            didNotAttend += other.didNotAttend;
            cancelledByParticipant += other.cancelledByParticipant;
            cancelledByService += other.cancelledByService;
            engagementSum += other.engagementSum;
            engagementRated += other.engagementRated;
        }
    }

    /** Onward referrals of one service and how far they got. */
    static final class Onward {
        int made;
        int accepted;
        int engaged;
        int completed;

        void add(Onward other) {
            made += other.made;
            accepted += other.accepted;
            engaged += other.engaged;
            completed += other.completed;
        }
    }

    /** An exit and the first reoffence after it, if any. */
    record FollowUp(LocalDate exitOn, LocalDate reoffendedOn) implements Comparable<FollowUp> {
        @Override
        public int compareTo(FollowUp other) {
            int byExit = exitOn.compareTo(other.exitOn);
            if (byExit != 0) {
                return byExit;
            }
            if (reoffendedOn == null || other.reoffendedOn == null) {
                return reoffendedOn == null ? (other.reoffendedOn == null ? 0 : -1) : 1;
            }
            return reoffendedOn.compareTo(other.reoffendedOn);
        }
    }

    Outcomes month(YearMonth month) {
        return sessionsByMonth.computeIfAbsent(month, key -> new Outcomes());
    }

    Onward service(String service) {
        return onwardByService.computeIfAbsent(service, key -> new Onward());
    }

    Map<Integer, Integer> daysIn(String state) {
        return daysInState.computeIfAbsent(state, key -> new TreeMap<>());
    }

    /** A cohort's end; a later one when several cohorts are counted together. */
    void endsOn(LocalDate day) {
        if (day != null && (endsOn == null || day.isAfter(endsOn))) {
            endsOn = day;
        }
    }

    int[] domain(String domain) {
        return riskMovement.computeIfAbsent(domain, key -> new int[3]);
    }

    /** Adds another group's tally into this one: a model is the sum of its sites. */
    void add(Tally other) {
        addAll(receivedBySource, other.receivedBySource);
        addAll(reviewedByPriority, other.reviewedByPriority);
        addAll(daysToReview, other.daysToReview);
        addAll(enrolmentsByState, other.enrolmentsByState);
        addAll(enrolledInMonth, other.enrolledInMonth);
        target += other.target;
        endsOn(other.endsOn);
        addAll(exitsByState, other.exitsByState);
        addAll(droppedOutByReason, other.droppedOutByReason);
        other.daysInState.forEach((state, days) -> addAll(daysIn(state), days));
        other.sessionsByMonth.forEach((month, outcomes) -> month(month).add(outcomes));
        other.onwardByService.forEach((service, onward) -> service(service).add(onward));
        riskCompared += other.riskCompared;
        other.riskMovement.forEach((domain, moved) -> {
            int[] mine = domain(domain);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += moved[i];
            }
        });
        addAll(incidentsByKind, other.incidentsByKind);
        addAll(exitsFollowed, other.exitsFollowed);
    }

    private static <K> void addAll(Map<K, Integer> into, Map<K, Integer> from) {
        BiFunction<Integer, Integer, Integer> sum = Integer::sum;
        from.forEach((key, count) -> into.merge(key, count, sum));
    }
}
