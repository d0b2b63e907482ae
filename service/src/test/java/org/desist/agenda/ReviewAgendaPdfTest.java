package org.desist.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.support.Disclosed;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agenda as a PDF (Accept: application/pdf), parsed back to text: its parts, its marking, nothing sealed. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ReviewAgendaPdfTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String AGENDA = "/sites/" + AgendaFixture.SITE + "/review-agenda?date=" + AgendaFixture.DAY;

    private static AgendaFixture seeded;

    @BeforeAll
    static void seed() {
        seeded = AgendaFixture.seed(APP);
    }

    private static HttpResponse<byte[]> pdf(String role, String accept) {
        String basic = Base64.getEncoder()
                .encodeToString(("agenda." + role + ":" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + APP.getLocalPort() + "/api" + Disclosed.to(AGENDA)))
                .header("Authorization", "Basic " + basic)
                .header("Accept", accept)
                .GET()
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String role) {
        HttpResponse<byte[]> answer = pdf(role, "application/pdf");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"AGN-review-agenda-2026-06-03.pdf\"");
        return PdfText.of(answer.body()).text();
    }

    @Test
    void aClinicianGetsEveryPart() {
        String text = text("clinician");
        assertThat(text)
                .contains("Daily review agenda")
                .contains("OFFICIAL-SENSITIVE")
                .contains("Site AGN")
                .contains("AGN site, 3 Jun 2026: since 2 Jun 2026")
                .contains("Generated")
                .contains("by agenda.clinician")
                .contains("Page 1 of")
                .contains(Disclosed.line())
                .contains("Referrals awaiting review, oldest first")
                .contains("28 May 2026")
                .contains("Since the last meeting (2 Jun 2026)")
                .contains("Breach of order")
                .contains("Risk raised at a desistance review")
                .contains("Violence")
                .contains("9 of 10")
                .contains("Overdue plan actions")
                .contains(AgendaFixture.ACTION)
                .contains("Legal measures ending within 14 days")
                .contains("17 Jun 2026")
                .contains("Open alerts by case")
                .contains("Session concern")
                .contains("Legal measure ending")
                .contains(seeded.firstCaseRef)
                .contains(seeded.secondCaseRef);
        assertThat(text.indexOf("1 Feb 2026")).as("oldest first").isLessThan(text.indexOf("28 May 2026"));
        assertThat(text).doesNotContain("18 Jun 2026").doesNotContain("Plan action overdue");
        AgendaFixture.SEALED.forEach(secret -> assertThat(text).doesNotContain(secret));
    }

    @Test
    void aPartTheRoleMayNotReadIsNotPrinted() {
        String text = text("cps");
        assertThat(text)
                .contains("Since the last meeting")
                .contains("Breach of order")
                .contains("Legal measures ending within 14 days")
                .contains("Open alerts by case")
                .doesNotContain("Referrals awaiting review")
                // the reviews' half of part 1; an open alert's rule ("Risk raised") is for everyone at the meeting
                .doesNotContain("Risk raised at a desistance review")
                .doesNotContain("Overdue plan actions")
                .doesNotContain(AgendaFixture.ACTION);
        AgendaFixture.SEALED.forEach(secret -> assertThat(text).doesNotContain(secret));
    }

    @Test
    void jsonStaysTheDefaultAndThePdfIsDisclosedToTheLedgerOfEachCase() {
        HttpResponse<byte[]> json = pdf("police", "application/json, application/pdf;q=0.5");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        text("police");
        Integer exports = AgendaFixture.jdbi(APP).withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_event WHERE username = 'agenda.police'"
                                + " AND resource_type = 'review_agenda_pdf' AND action = 'disclose'"
                                + " AND participant_id = :first")
                .bind("first", seeded.firstCase)
                .mapTo(Integer.class)
                .one());
        assertThat(exports).isGreaterThan(0);
        Integer ledger = AgendaFixture.jdbi(APP).withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM disclosure WHERE disclosed_by = 'agenda.police'"
                                + " AND kind = 'review_agenda_pdf' AND participant_id = :first AND site_code = 'AGN'")
                .bind("first", seeded.firstCase)
                .mapTo(Integer.class)
                .one());
        assertThat(ledger).isGreaterThan(0);
        assertThat(pdf("programme_lead", "application/pdf").statusCode()).isEqualTo(403);
    }
}
