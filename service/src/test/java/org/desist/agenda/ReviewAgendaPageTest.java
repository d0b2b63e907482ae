package org.desist.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.support.Disclosed;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agenda's page: the parts the role may read, the dates asked in a GET form, its PDF, refusals as pages. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ReviewAgendaPageTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String PAGE = "/sites/" + AgendaFixture.SITE + "/review-agenda";

    private static AgendaFixture seeded;

    @BeforeAll
    static void seed() {
        seeded = AgendaFixture.seed(APP);
    }

    private static PageClient signedIn(String role) {
        return new PageClient(APP.getLocalPort()).signIn("agenda." + role, Staff.PASSWORD);
    }

    @Test
    void aClinicianSeesEveryPart() {
        HttpResponse<String> page = signedIn("clinician").get(PAGE + "?date=2026-06-03");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html)
                .contains("Daily review agenda: AGN site")
                .contains("For 2026-06-03, since the last meeting on 2026-06-02.")
                .contains("data-test=\"agenda-referrals\"")
                .contains("href=\"/review/" + seeded.oldestReferral + "\"")
                .contains("data-test=\"agenda-incidents\"")
                .contains("data-test=\"agenda-risk\"")
                .contains("data-test=\"agenda-overdue\"")
                .contains(AgendaFixture.ACTION)
                .contains("data-test=\"agenda-measures\"")
                .contains("2026-06-17")
                .contains("data-test=\"agenda-alerts\"")
                .contains("Session concern")
                .contains("href=\"/cases/" + seeded.firstCase + "\"")
                .contains(seeded.firstCaseRef)
                .contains("name=\"date\"")
                .doesNotContain("<script>");
        assertThat(html.indexOf(seeded.oldestReferral)).isLessThan(html.indexOf(seeded.newerReferral));
        AgendaFixture.SEALED.forEach(secret -> assertThat(html).doesNotContain(secret));
    }

    @Test
    void cpsSeesOnlyThePartsItReads() {
        String html = signedIn("cps").get(PAGE + "?date=2026-06-03").body();
        assertThat(html)
                .contains("data-test=\"agenda-incidents\"")
                .contains("data-test=\"agenda-measures\"")
                .contains("data-test=\"agenda-alerts\"")
                .doesNotContain("Referrals awaiting review")
                .doesNotContain("data-test=\"agenda-risk\"")
                .doesNotContain("Overdue plan actions")
                .doesNotContain(AgendaFixture.ACTION);
        AgendaFixture.SEALED.forEach(secret -> assertThat(html).doesNotContain(secret));
    }

    @Test
    void thePdfLinkDownloadsTheSameAgenda() {
        PageClient clinician = signedIn("clinician");
        String html = clinician.get(PAGE + "?date=2026-06-03&since=2026-06-01").body();
        String link = "/sites/AGN/review-agenda.pdf?date=2026-06-03&amp;since=2026-06-01";
        assertThat(html).contains("href=\"" + link + "\"");
        // the link asks who the agenda is for first, carrying the days along
        HttpResponse<String> form = clinician.get(link.replace("&amp;", "&"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("data-test=\"disclosure-form\"", "name=\"date\" value=\"2026-06-03\"", "Purpose");
        HttpResponse<String> blank =
                clinician.get(link.replace("&amp;", "&") + "&recipientName=&recipientOrganisation=&purpose=");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body())
                .contains("govuk-error-summary", "Enter the recipient&#39;s name", "Enter what the document");
        HttpResponse<byte[]> pdf = clinician.download(Disclosed.viaForm(link.replace("&amp;", "&")));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(PdfText.of(pdf.body()).text())
                .contains("Daily review agenda")
                .contains("since 1 Jun 2026")
                .contains(Disclosed.line())
                .contains(seeded.firstCaseRef);
    }

    @Test
    void aBadDateIsShownOnTheFormAndOthersAreRefused() {
        HttpResponse<String> bad = signedIn("clinician").get(PAGE + "?date=2026-02-30");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("govuk-error-summary").contains("must be a date as yyyy-mm-dd");
        HttpResponse<String> backwards = signedIn("clinician").get(PAGE + "?date=2026-06-03&since=2026-06-05");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("must not be after date");
        assertThat(signedIn("programme_lead").get(PAGE).statusCode()).isEqualTo(403);
        HttpResponse<String> elsewhere = new PageClient(APP.getLocalPort())
                .signIn("agenda.elsewhere", Staff.PASSWORD)
                .get(PAGE);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).doesNotContain(seeded.firstCaseRef);
    }
}
