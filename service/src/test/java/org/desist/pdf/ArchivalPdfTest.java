package org.desist.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.desist.auth.Role;
import org.desist.cohortreport.HandCountedCohort;
import org.desist.config.DesistConfiguration;
import org.desist.summary.WholeCase;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every kind of PDF the service hands out, downloaded over HTTP as its readers get it, must be one that
 * courts and probation can archive and anyone can read in ten years: PDF/A-2a as veraPDF judges it,
 * tagged, in British English, with its title shown and every font embedded.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ArchivalPdfTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "ARC";

    static WholeCase whole;
    static HandCountedCohort cohort;
    static Api probation;
    static Api cps;
    static Api lead;

    /** A kind of PDF: how to download one, and the title it must carry. */
    record Kind(String name, Supplier<HttpResponse<byte[]>> download, Supplier<String> title) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every kind of PDF Desist produces: a new kind is one more line here. */
    static List<Kind> kinds() {
        return List.of(
                new Kind(
                        "probation summary",
                        () -> probation.download(Disclosed.to(summary("probation"))),
                        () -> "Probation case summary \u2014 " + whole.caseRef),
                new Kind(
                        "CPS summary",
                        () -> cps.download(Disclosed.to(summary("cps"))),
                        () -> "CPS case summary \u2014 " + whole.caseRef),
                new Kind(
                        "cohort report",
                        () -> lead.with("Accept", "application/pdf")
                                .download(Disclosed.to("/cohorts/" + cohort.cohortId + "/report")),
                        () -> "Cohort report \u2014 FIGS pilot 2023"),
                new Kind(
                        "programme report",
                        () -> lead.with("Accept", "application/pdf")
                                .download(Disclosed.to("/programme/report?from=2023-01-01&to=2026-12-31")),
                        () -> "Programme report \u2014 1 Jan 2023 to 31 Dec 2026"),
                new Kind(
                        "review agenda",
                        () -> probation
                                .with("Accept", "application/pdf")
                                .download(Disclosed.to("/sites/" + SITE + "/review-agenda?date=2026-06-03")),
                        () -> "Daily review agenda \u2014 " + SITE + ", 3 Jun 2026"));
    }

    @BeforeAll
    static void aWholeCaseAndACohort() {
        Api tester = TestApp.api(APP);
        new Cases(tester).site(SITE);
        whole = WholeCase.build(tester, SITE);
        cohort = new HandCountedCohort(tester).build();
        Staff.ensure(APP, "po.arc", Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, "cps.arc", Set.of(Role.cps), Set.of(SITE));
        Staff.ensure(APP, "lead.arc", Set.of(Role.programme_lead), Set.of());
        probation = TestApp.as(APP, "po.arc");
        cps = TestApp.as(APP, "cps.arc");
        lead = TestApp.as(APP, "lead.arc");
    }

    static String summary(String audience) {
        return "/participants/" + whole.participantId + "/reports/" + audience;
    }

    static byte[] downloaded(Kind kind) {
        HttpResponse<byte[]> response = kind.download().get();
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        keep(kind, response.body());
        return response.body();
    }

    /** With DESIST_KEEP_PDFS set to a folder, each PDF is saved there too, for pdffonts or a person to look at. */
    private static void keep(Kind kind, byte[] pdf) {
        String folder = System.getenv("DESIST_KEEP_PDFS");
        if (folder != null && !folder.isBlank()) {
            try {
                Path directory = Files.createDirectories(Path.of(folder));
                Files.write(directory.resolve(kind.name().replace(' ', '-') + ".pdf"), pdf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void is_pdf_a_2a_as_verapdf_judges_it(Kind kind) {
        assertThat(ArchivalCheck.brokenRules(downloaded(kind), PDFAFlavour.PDFA_2_A))
                .as(kind.name())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void is_tagged_in_british_english_with_its_title_shown_and_every_font_embedded(Kind kind) {
        byte[] pdf = downloaded(kind);
        ArchivalCheck.Structure structure = ArchivalCheck.structure(pdf);
        assertThat(structure.marked()).as("tagged").isTrue();
        assertThat(structure.language()).isEqualTo("en-GB");
        assertThat(structure.displaysTitle())
                .as("shows its title, not its file name")
                .isTrue();
        assertThat(structure.types()).as("a heading for the title").contains("H1");
        assertThat(structure.fonts()).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                .as(font.getName())
                .isTrue());
        assertThat(structure.fonts()).extracting(PDFont::getName).allMatch(name -> name.contains("DejaVu"));
        PdfText text = PdfText.of(pdf);
        assertThat(text.info().getTitle()).isEqualTo(kind.title().get());
        assertThat(text.info().getAuthor()).isEqualTo("Desist");
        assertThat(text.info().getSubject()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void is_pdf_ua_1_as_far_as_verapdf_can_judge(Kind kind) {
        // veraPDF checks the machine-checkable rules of PDF/UA-1 (the Matterhorn protocol's); whether alternate
        // texts and reading order make sense is for a person, which these tests do for the charts below
        assertThat(ArchivalCheck.brokenRules(downloaded(kind), PDFAFlavour.PDFUA_1))
                .as(kind.name())
                .isEmpty();
    }

    @Test
    void summaries_tag_their_sections_as_headings_and_their_tables_as_tables() {
        for (Kind kind : kinds().subList(0, 2)) {
            ArchivalCheck.Structure structure = ArchivalCheck.structure(downloaded(kind));
            assertThat(structure.types())
                    .as(kind.name())
                    .startsWith("Document", "H1")
                    .contains("H2", "Table", "TR", "TH", "TD");
            assertThat(structure.types().stream().filter("H1"::equals))
                    .as(kind.name())
                    .hasSize(1);
        }
    }

    @Test
    void each_chart_of_the_cohort_report_says_its_figures_in_words() {
        ArchivalCheck.Structure structure = ArchivalCheck.structure(downloaded(kinds().get(2)));
        assertThat(structure.figureAlternates()).hasSize(4);
        assertThat(structure.figureAlternates().get(0))
                .startsWith("Chart: cumulative enrolment against target, by" + " month. Enrolled to date: Jan 2023 ")
                .contains("Target: Jan 2023 12, Feb 2023 12");
        assertThat(structure.figureAlternates().get(1)).startsWith("Chart: enrolments by state now. Enrolments: ");
        assertThat(structure.figureAlternates().get(2))
                .startsWith(
                        "Chart: attendance by month, as a percentage" + " of sessions offered. Attendance: Jan 2023 ");
        assertThat(structure.figureAlternates().get(3))
                .startsWith("Chart: risk movement per domain")
                .contains("Improved (risk down): ", "Stayed: ", "Worsened (risk up): ", "Violence ");
        ArchivalCheck.Structure programme = ArchivalCheck.structure(downloaded(kinds().get(3)));
        assertThat(programme.figureAlternates()).hasSize(4);
        assertThat(programme.figureAlternates().get(0))
                .startsWith("Chart: enrolled to date against target, by site" + " and model. Enrolled to date: ");
    }
}
