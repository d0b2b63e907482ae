package org.desist.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both case summaries of one whole case, as PDF read back with PDFBox and as JSON: what each must show,
 * and what each must never show.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CaseSummaryTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "SUM";
    static WholeCase whole;
    static Api probation;
    static Api cps;
    static Api clinician;

    @BeforeAll
    static void aWholeCase() {
        Api tester = TestApp.api(APP);
        new Cases(tester).site(SITE);
        whole = WholeCase.build(tester, SITE);
        Staff.ensure(APP, "po.sum", Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, "cps.sum", Set.of(Role.cps), Set.of(SITE));
        Staff.ensure(APP, "dr.sum", Set.of(Role.clinician), Set.of(SITE));
        probation = TestApp.as(APP, "po.sum");
        cps = TestApp.as(APP, "cps.sum");
        clinician = TestApp.as(APP, "dr.sum");
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    static PdfText downloaded(Api api, String report, String fileName) {
        HttpResponse<byte[]> response =
                api.download(Disclosed.to("/participants/" + whole.participantId + "/reports/" + report));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + fileName + "\"");
        return PdfText.of(response.body());
    }

    static void assertEveryPageCarriesItsFurniture(PdfText pdf, String generatedBy) {
        int pages = pdf.pages().size();
        for (int page = 1; page <= pages; page++) {
            assertThat(pdf.page(page))
                    .as("page %d of %d", page, pages)
                    .contains(
                            "Case " + whole.caseRef,
                            "OFFICIAL-SENSITIVE",
                            "Page " + page + " of " + pages,
                            Disclosed.line())
                    .containsPattern("Generated \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d UTC by " + generatedBy);
        }
        assertThat(pdf.firstPageFonts()).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                .as(font.getName())
                .isTrue());
        assertThat(pdf.info().getAuthor()).isEqualTo("Desist");
    }

    @Test
    void the_probation_pdf_holds_the_case_as_probation_needs_it() {
        PdfText pdf = downloaded(probation, "probation", whole.caseRef + "-probation-summary-" + today() + ".pdf");

        assertEveryPageCarriesItsFurniture(pdf, "po\\.sum \\(probation\\)");
        assertThat(pdf.info().getTitle()).isEqualTo("Probation case summary \u2014 " + whole.caseRef);
        assertThat(pdf.info().getSubject()).contains("Probation case summary of case " + whole.caseRef);
        String text = pdf.text();
        assertThat(text)
                .contains(
                        "Daniel Hale",
                        "born 14 Mar 1987",
                        "Priority High",
                        "S-DASH screening 7 of 11 questions answered yes",
                        "Stalking protection order",
                        "15 Jan 2026 \u2013 14 Jan 2028",
                        "Not to contact the victim",
                        "Enrolled since 10 Feb 2026",
                        "Moved on",
                        "Sessions offered 4",
                        "Attended (on time or late) 2",
                        "Did not attend 1",
                        "Cancelled by the participant 1",
                        "Attendance rate 50%",
                        "Cancelled by the service 1",
                        "Awaiting an outcome 0",
                        "Mar 2026 4 2 of 3 (67%) 1",
                        "Apr 2026 1 0 of 1 (0%) 0",
                        WholeCase.ONWARD_PROVIDER,
                        "Accepted 9 Mar 2026",
                        "Open actions 2, of which 1 overdue",
                        "OVERDUE",
                        "Done 18 Mar 2026",
                        "14 May 2026 Breach of order Police",
                        "15 May 2026 Arrest Probation",
                        "Reviewed on 1 Jun 2026",
                        "Fixation and obsession 4 of 10",
                        "Overall risk High",
                        "Persistence High Moderate Down",
                        "Recurrence High High Same",
                        "2 Mar 2026 \u2014 Individual therapy",
                        WholeCase.SHAREABLE_NOTE);
        assertThat(text).contains(WholeCase.OWNERS);
        assertThat(text)
                .doesNotContain(
                        WholeCase.PRIVATE_NOTE,
                        WholeCase.FORMULATION,
                        WholeCase.NARRATIVE,
                        WholeCase.DIAGNOSIS_CODE,
                        WholeCase.DIAGNOSIS_LABEL,
                        WholeCase.SUBSTANCE,
                        WholeCase.ERRONEOUS_INCIDENT);
    }

    @Test
    void page_one_names_the_breach_and_the_arrest_even_when_the_last_review_came_after_them() {
        // reviewed on 1 Jun 2026, after the breach and the arrest of May: none since, so the latest before it
        String first = downloaded(probation, "probation", whole.caseRef + "-probation-summary-" + today() + ".pdf")
                .page(1);
        assertThat(first)
                .contains(
                        "Since the last review (1 Jun 2026): incidents and concerns None since that review",
                        "The latest incidents before that review",
                        "14 May 2026 Breach of order Police",
                        "15 May 2026 Arrest Probation",
                        "Serve the stalking protection order",
                        "Next session 10 Jan 2030");
    }

    @Test
    void the_cps_pdf_holds_no_therapeutic_content() {
        PdfText pdf = downloaded(cps, "cps", whole.caseRef + "-cps-summary-" + today() + ".pdf");

        assertEveryPageCarriesItsFurniture(pdf, "cps\\.sum \\(cps\\)");
        assertThat(pdf.info().getTitle()).isEqualTo("CPS case summary \u2014 " + whole.caseRef);
        assertThat(pdf.info().getSubject()).contains("CPS case summary of case " + whole.caseRef);
        String text = pdf.text();
        assertThat(text)
                .contains(
                        "Daniel Hale",
                        "Released under investigation",
                        "Stalking protection order",
                        "Restraining order",
                        "14 May 2026 Breach of order Police",
                        "15 May 2026 Arrest Probation",
                        "Sessions offered 4",
                        "Attended (on time or late) 2",
                        "Did not attend 1",
                        "Attendance rate 50%",
                        "Enrolled",
                        "Overall risk High",
                        "Risk of persistence High",
                        "Assessed on 20 Feb 2026");
        assertThat(text)
                .doesNotContain(
                        WholeCase.SHAREABLE_NOTE,
                        WholeCase.PRIVATE_NOTE,
                        WholeCase.FORMULATION,
                        WholeCase.NARRATIVE,
                        WholeCase.DIAGNOSIS_CODE,
                        WholeCase.DIAGNOSIS_LABEL,
                        WholeCase.SUBSTANCE,
                        WholeCase.ONWARD_PROVIDER,
                        WholeCase.ERRONEOUS_INCIDENT,
                        "Rejected",
                        "Ex intimate",
                        "S-DASH",
                        "Repeated unwanted messages");
    }

    @Test
    void the_json_summaries_carry_the_same_figures_as_each_other_and_the_documents() {
        String path = "/participants/" + whole.participantId + "/summary?audience=";
        Reply probationReply = probation.get(path + "probation");
        JsonNode forProbation = Cases.ok(probationReply);
        JsonNode forCps = Cases.ok(cps.get(path + "cps"));

        assertThat(forProbation.get("audience").asText()).isEqualTo("probation");
        assertThat(forCps.get("audience").asText()).isEqualTo("cps");
        JsonNode attendance = forProbation.get("attendance");
        assertThat(forCps.get("engagement").get("attendance")).isEqualTo(attendance);
        assertThat(attendance.get("attendance").get("offered").asInt()).isEqualTo(4);
        assertThat(attendance.get("attendance").get("attended").asInt()).isEqualTo(2);
        assertThat(attendance.get("attendance").get("didNotAttend").asInt()).isEqualTo(1);
        assertThat(attendance.get("attendance").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(attendance.get("cancelledByService").asInt()).isEqualTo(1);
        // the one session without an outcome is still to come (10 Jan 2030): it awaits nothing yet
        assertThat(attendance.get("awaitingOutcome").asInt()).isEqualTo(0);
        assertThat(forCps.get("legalPosition")).isEqualTo(forProbation.get("legalPosition"));
        assertThat(forCps.get("incidents"))
                .isEqualTo(forProbation.get("incidents"))
                .hasSize(2);
        assertThat(forCps.get("identity")).isEqualTo(forProbation.get("identity"));
        assertThat(forCps.get("riskConclusion"))
                .isEqualTo(forProbation.get("risk").get("latestAssessment"));
        assertThat(forCps.get("riskConclusion").get("overallRisk").asText()).isEqualTo("high");

        assertThat(forProbation.get("legalPosition").get("measures"))
                .extracting(m -> m.get("inForce").asBoolean())
                .containsExactly(true, false);
        assertThat(forProbation.get("referrals").get(0).get("priority").asText())
                .isEqualTo("high");
        assertThat(forProbation
                        .get("referrals")
                        .get(0)
                        .get("screeningYesAnswers")
                        .asInt())
                .isEqualTo(7);
        assertThat(forProbation.get("riskPlan"))
                .extracting(a -> a.get("overdue").asBoolean())
                .containsExactly(true, false, false);
        assertThat(forProbation.get("shareableNotes"))
                .singleElement()
                .satisfies(note -> assertThat(note.get("notes").asText()).isEqualTo(WholeCase.SHAREABLE_NOTE));
        assertThat(forProbation.get("latestReview").has("narrative")).isFalse();
        assertThat(forProbation.get("enrolments").get(0).get("history")).hasSize(3);
        assertThat(forProbation.get("generated").get("by").asText()).isEqualTo("po.sum");

        assertThat(probationReply.text())
                .doesNotContain(
                        WholeCase.PRIVATE_NOTE,
                        WholeCase.FORMULATION,
                        WholeCase.NARRATIVE,
                        WholeCase.DIAGNOSIS_LABEL,
                        WholeCase.SUBSTANCE);
        assertThat(forCps.toString())
                .doesNotContain(
                        WholeCase.SHAREABLE_NOTE,
                        WholeCase.PRIVATE_NOTE,
                        WholeCase.FORMULATION,
                        WholeCase.NARRATIVE,
                        WholeCase.DIAGNOSIS_LABEL,
                        WholeCase.SUBSTANCE,
                        WholeCase.ONWARD_PROVIDER,
                        "shareableNotes",
                        "sessionsByMonth",
                        "onwardReferrals",
                        "riskPlan");
    }

    @Test
    void a_clinician_may_check_both_documents() {
        PdfText probationPdf =
                downloaded(clinician, "probation", whole.caseRef + "-probation-summary-" + today() + ".pdf");
        PdfText cpsPdf = downloaded(clinician, "cps", whole.caseRef + "-cps-summary-" + today() + ".pdf");
        assertEveryPageCarriesItsFurniture(probationPdf, "dr\\.sum \\(clinician\\)");
        assertEveryPageCarriesItsFurniture(cpsPdf, "dr\\.sum \\(clinician\\)");
        // what a clinician may see elsewhere stays out of the documents all the same
        assertThat(probationPdf.text()).doesNotContain(WholeCase.PRIVATE_NOTE, WholeCase.FORMULATION);
        assertThat(cpsPdf.text()).doesNotContain(WholeCase.SHAREABLE_NOTE, WholeCase.FORMULATION);
    }

    @Test
    void an_empty_case_prints_none_recorded_rather_than_blanks() {
        String participant = new Cases(TestApp.api(APP)).participant(SITE);
        String base = "/participants/" + participant + "/reports/";
        HttpResponse<byte[]> probationPdf = probation.download(Disclosed.to(base + "probation"));
        HttpResponse<byte[]> cpsPdf = cps.download(Disclosed.to(base + "cps"));
        assertThat(probationPdf.statusCode()).isEqualTo(200);
        assertThat(cpsPdf.statusCode()).isEqualTo(200);

        String forProbation = PdfText.of(probationPdf.body()).text();
        for (String empty : new String[] {
            "4. Enrolment",
            "5. Risk (Stalking Risk Profile domains)",
            "7. Onward referrals",
            "8. Risk management plan",
            "9. Incidents",
            "10. Concerns",
            "11. Latest desistance review",
            "12. Session notes marked shareable"
        }) {
            assertThat(forProbation).contains(empty + " None recorded");
        }
        assertThat(forProbation)
                .contains(
                        "Legal measures, those in force first None recorded",
                        "Sessions by month None recorded",
                        "Attendance rate \u2014",
                        "Priority Not set: awaiting the daily review");
        String forCps = PdfText.of(cpsPdf.body()).text();
        assertThat(forCps)
                .contains(
                        "3. Offences and incidents None recorded",
                        "5. The assessment's conclusion on risk None recorded",
                        "Enrolment in the programme None recorded",
                        "PNC id Not recorded");
    }
}
