package org.desist.cohortreport;

/**
 * The catalogue of cohort figures: one constant per figure, each with the one definition the code
 * computes (SQL in {@link org.desist.readmodel.CohortFiguresDao}, arithmetic in {@link FigureSheet}) and
 * docs/metrics.md explains. Names are the {@code figure} column of the CSV and JSON, as R and Excel users read them.
 */
public enum Figure {
    referrals_received(Measure.count, "Referrals received in the period (by source)"),
    referrals_reviewed(Measure.count, "Referrals whose daily review fell in the period (by priority)"),
    median_days_to_review(Measure.median_days, "Median days from receipt to review, of the referrals reviewed"),
    enrolments(Measure.count, "Enrolments by their state now"),
    enrolled_to_date(Measure.count, "Participants who had reached 'enrolled' by the end of each month, each once"),
    enrolment_target(Measure.target, "The cohorts' target: how many should reach 'enrolled'"),
    months_left(Measure.months, "Calendar months from this month to the month the cohorts counted end, both counted"),
    enrolments_needed_per_month(
            Measure.pace, "Enrolments a month still needed to reach the target: the shortfall over the months left"),
    median_days_in_state(Measure.days, "Median days in a state (referred, assessing) before the next move"),
    lower_quartile_days_in_state(Measure.days, "Lower quartile of the days in a state before the next move"),
    upper_quartile_days_in_state(Measure.days, "Upper quartile of the days in a state before the next move"),
    exits(Measure.count, "Enrolled participants who left in the period, by exit state"),
    completion_rate(Measure.rate, "Exits by completion over all exits"),
    dropped_out(Measure.count, "Exits by withdrawal, disengagement or breach, by the category of the reason recorded"),
    sessions_offered(Measure.count, "Sessions with an outcome, those the service cancelled excepted (by outcome)"),
    sessions_cancelled_by_service(Measure.count, "Sessions the service cancelled: not offered"),
    attendance_rate(Measure.rate, "Sessions attended or late over sessions offered"),
    mean_engagement(Measure.mean, "Mean engagement rating (1-5) of the sessions rated"),
    onward_referrals_made(Measure.count, "Onward referrals made in the period (by service)"),
    onward_referrals_accepted(Measure.count, "Of those, referrals the service accepted (engaged ones included)"),
    onward_referrals_engaged(Measure.count, "Of those, referrals the participant engaged with (completed included)"),
    onward_referrals_completed(Measure.count, "Of those, referrals completed"),
    onward_referral_uptake(Measure.rate, "Onward referrals engaged with (completed included) over those made"),
    risk_compared(Measure.count, "Participants with a first assessment and a desistance review by the period's end"),
    risk_moved_down(Measure.count, "Of those, participants whose rating moved down (by domain)"),
    risk_stayed(Measure.count, "Of those, participants whose rating stayed the same (by domain)"),
    risk_moved_up(Measure.count, "Of those, participants whose rating moved up (by domain)"),
    incidents_during_programme(Measure.count, "Incidents from enrolment to exit, in the period (by kind)"),
    exits_followed_up(Measure.count, "Exits in the period followed up for the whole window (by window)"),
    reoffended(Measure.count, "Of those, participants with a new allegation, charge or conviction within the window"),
    reoffending_rate(Measure.rate, "Reoffended over followed up, per window"),
    reoffending_baseline(Measure.baseline, "The share of stalking perpetrators who reoffend: the pilot's comparator");

    /** What kind of number a figure is, for the {@code measure} column and for suppression. */
    public enum Measure {
        /** People, referrals, sessions or incidents counted: 1-4 are suppressed. */
        count,
        /** A share between 0 and 1, suppressed when its numerator or denominator is. */
        rate,
        /** A median number of days, suppressed when fewer than five values make it. */
        median_days,
        /** A mean, suppressed when fewer than five values make it. */
        mean,
        /** A median or quartile of days, suppressed when fewer than five values make it. */
        days,
        /** Calendar months of the programme's own dates, not counted from people: never suppressed. */
        months,
        /** Enrolments a month, suppressed when the count it is made of (enrolled to date) is. */
        pace,
        /** A number the programme set, not counted from people: never suppressed. */
        target,
        /** A published comparator, not counted from people: never suppressed. */
        baseline
    }

    /** The reoffending rate the pilot is measured against (55% of stalking perpetrators reoffend). */
    public static final double REOFFENDING_BASELINE = 0.55;

    private final Measure measure;
    private final String definition;

    Figure(Measure measure, String definition) {
        this.measure = measure;
        this.definition = definition;
    }

    public Measure measure() {
        return measure;
    }

    public String definition() {
        return definition;
    }
}
