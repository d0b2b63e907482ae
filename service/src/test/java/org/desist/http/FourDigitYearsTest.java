package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dates and times of years past 9999 (or before year 1) are refused where they come in: ISO 8601 writes
 * them with a sign ("+10000-01-01"), the stored text no longer sorts or reads back as a date, and a case
 * holding a session of year 10000 could not be summarised (a 500 for every PDF of it).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FourDigitYearsTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;
    static String participantId;

    @BeforeAll
    static void aCase() {
        api = TestApp.api(APP);
        new Cases(api).site("YRS");
        participantId = new Cases(api)
                .referral("YRS", "2026-02-01")
                .get("participantId")
                .asText();
    }

    @Test
    void a_session_in_year_ten_thousand_is_refused_by_name_and_the_summary_still_prints() {
        for (String when : new String[] {"+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"}) {
            Reply reply = api.post(
                    "/participants/" + participantId + "/sessions",
                    Map.of(
                            "kind",
                            "individual_therapy",
                            "scheduledAt",
                            when,
                            "durationMinutes",
                            50,
                            "facilitator",
                            "Dr A. Okafor"));
            assertThat(reply.status()).as(reply.toString()).isBetween(400, 422);
            assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly("scheduledAt");
        }
        Reply pdf = api.with("Accept", "application/pdf")
                .get(Disclosed.to("/participants/" + participantId + "/reports/probation"));
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
    }

    @Test
    void a_date_of_year_ten_thousand_is_refused_by_name() {
        Reply reply = api.post(
                "/cohorts",
                Map.of(
                        "siteCode",
                        "YRS",
                        "name",
                        "Far",
                        "startsOn",
                        "2026-01-05",
                        "endsOn",
                        "+10000-12-31",
                        "target",
                        20));
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 422);
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly("endsOn");
    }
}
