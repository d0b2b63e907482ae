package org.desist.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.desist.access.SiteScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation export's rows on a migrated database: figures of the live records, none entered in error. */
class ExportDaoTest {
    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-12-31");
    private static CaseRows rows;

    @BeforeAll
    static void writeCase() throws Exception {
        rows = CaseRows.twinned();
    }

    @AfterAll
    static void close() throws Exception {
        rows.close();
    }

    private static List<ExportDao.Row> export(SiteScope scope, LocalDate from, LocalDate to) {
        return rows.jdbi().withHandle(handle -> ExportDao.rows(handle, scope, from, to));
    }

    @Test
    void an_enrolment_opened_in_the_period_with_its_participants_live_figures() {
        assertThat(export(new SiteScope(false, List.of(CaseRows.SITE)), FROM, TO))
                .containsExactly(new ExportDao.Row(
                        CaseRows.PARTICIPANT,
                        CaseRows.SITE,
                        "clinic_treatment",
                        CaseRows.COHORT,
                        LocalDate.parse("1980-05-01"),
                        "police",
                        LocalDate.parse("2026-01-03"),
                        "high",
                        "accept_for_intervention",
                        LocalDate.parse("2026-01-04"),
                        LocalDate.parse("2026-01-05"),
                        "enrolled",
                        LocalDate.parse("2026-01-20"),
                        null,
                        1,
                        1,
                        4,
                        1,
                        1,
                        0,
                        0,
                        0,
                        "moderate",
                        "high",
                        "high",
                        "moderate",
                        "low",
                        "moderate",
                        "moderate",
                        "low",
                        1,
                        null));
    }

    @Test
    void nothing_outside_the_period_or_the_sites() {
        assertThat(export(new SiteScope(true, List.of("")), LocalDate.parse("2026-01-06"), TO))
                .isEmpty();
        assertThat(export(new SiteScope(false, List.of("MAN")), FROM, TO)).isEmpty();
    }
}
