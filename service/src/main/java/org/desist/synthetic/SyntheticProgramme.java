package org.desist.synthetic;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.desist.db.Dialect;
import org.desist.db.IsoTimeColumns;
import org.desist.session.AttendanceTotals;
import org.desist.site.Model;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A deterministic synthetic programme for demonstrations and benchmarks: the three pilot sites (one per
 * model), a cohort a year at each from 2023, and N participants referred over the programme's life,
 * each case drawn by {@link SyntheticCase}. Everything is marked synthetic: site names start
 * "SYNTHETIC", every participant is called "SYNTHETIC Participant 000123", free text says so. The same
 * seed and N give the same database, row for row: ids, dates and timestamps come from the seed, never
 * from the clock, and "today" is fixed at {@link #TODAY}.
 *
 * <p>Written straight through JDBC in large transactions (the API would audit and check each record,
 * which a bulk load of millions of rows cannot afford), so no audit rows and no record versions are
 * written; the running attendance totals are rebuilt at the end. It refuses a database that holds any
 * participant who is not synthetic, or that was seeded already.
 */
public final class SyntheticProgramme {
    public static final LocalDate START = LocalDate.of(2023, 1, 1);
    public static final LocalDate TODAY = LocalDate.of(2026, 10, 31);
    public static final String SITE_PREFIX = "SYNTHETIC ";
    static final int PARTICIPANTS_PER_TRANSACTION = 2_000;
    static final int PARTICIPANTS_PER_BATCH = 100;

    record Site(String code, String name, Model model) {}

    static final List<Site> SITES = List.of(
            new Site(
                    "SYNSTAC",
                    SITE_PREFIX + "London Stalking Threat Assessment Centre",
                    Model.threat_assessment_centre),
            new Site("SYNRECOLO", SITE_PREFIX + "Hampshire Recolo", Model.clinic_treatment),
            new Site("SYNASU", SITE_PREFIX + "Cheshire Anti-Stalking Unit", Model.multi_agency_panel));

    /** What a seeding wrote. */
    public record Summary(int participants, long sessions, long rows, int cohorts) {}

    /** Refused: the database holds real participants, or a synthetic programme already. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private SyntheticProgramme() {}

    public static Summary seed(Jdbi jdbi, int participants, long seed) {
        if (participants < 1) {
            throw new IllegalArgumentException("--participants must be at least 1");
        }
        jdbi.useHandle(SyntheticProgramme::refuseUnlessEmptyOfRealPeople);
        return jdbi.withHandle(handle -> {
            Dialect.of(handle).prepareForBulkWrites(handle);
            Map<String, String> cohorts = new HashMap<>();
            int cohortCount = openSitesAndCohorts(handle, participants, seed, cohorts);
            SyntheticCase.CohortOf cohortOf = (site, on) -> cohorts.get(site + "/" + on.getYear());
            SplittableRandom root = new SplittableRandom(seed);
            SyntheticIds ids = new SyntheticIds(seed);
            Map<String, Integer> caseNumbers = new TreeMap<>();
            long sessions = 0;
            long written;
            Connection connection = handle.getConnection();
            int span = (int) ChronoUnit.DAYS.between(START, TODAY);
            try (Rows rows = new Rows(connection, SyntheticCase.TABLES)) {
                handle.begin();
                for (int i = 0; i < participants; i++) {
                    SplittableRandom random = root.split();
                    Site site = SITES.get(i % SITES.size());
                    LocalDate receivedOn = START.plusDays(random.nextInt(span));
                    String key = site.code() + "/" + receivedOn.getYear();
                    int number = caseNumbers.merge(key, 1, Integer::sum);
                    String caseRef = String.format("%s-%04d-%04d", site.code(), receivedOn.getYear(), number);
                    sessions += new SyntheticCase(random, ids, rows, TODAY)
                            .write(i + 1, site.code(), caseRef, receivedOn, cohortOf);
                    if ((i + 1) % PARTICIPANTS_PER_BATCH == 0) {
                        rows.flush();
                    }
                    if ((i + 1) % PARTICIPANTS_PER_TRANSACTION == 0) {
                        rows.flush();
                        handle.commit();
                        handle.begin();
                    }
                }
                rows.flush();
                caseNumbers.forEach((key, last) -> handle.createUpdate("INSERT INTO case_ref_sequence (site_code, year,"
                                + " last_number) VALUES (:site, :year, :last)")
                        .bind("site", key.substring(0, key.indexOf('/')))
                        .bind("year", Integer.parseInt(key.substring(key.indexOf('/') + 1)))
                        .bind("last", last)
                        .execute());
                AttendanceTotals.rebuild(handle);
                handle.commit();
                written = rows.written();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not prepare the bulk load", e);
            }
            return new Summary(participants, sessions, written, cohortCount);
        });
    }

    /** Real people's data must never be mixed with invented data, nor a programme seeded twice. */
    static void refuseUnlessEmptyOfRealPeople(Handle handle) {
        int real = handle.createQuery("SELECT count(*) FROM participant p JOIN site s ON s.code = p.site_code"
                        + " WHERE s.name NOT LIKE :synthetic")
                .bind("synthetic", SITE_PREFIX + "%")
                .mapTo(Integer.class)
                .one();
        if (real > 0) {
            throw new Refused("Refusing to seed: the database holds " + real + " participant(s) who are not synthetic."
                    + " Seed an empty database.");
        }
        int seeded = handle.createQuery("SELECT count(*) FROM site WHERE name LIKE :synthetic")
                .bind("synthetic", SITE_PREFIX + "%")
                .mapTo(Integer.class)
                .one();
        if (seeded > 0) {
            throw new Refused(
                    "Refusing to seed: the database already holds a synthetic programme. Seed an empty" + " database.");
        }
    }

    /** The three sites and a cohort a year at each, targets sized to the number of participants. */
    private static int openSitesAndCohorts(Handle handle, int participants, long seed, Map<String, String> cohorts) {
        SyntheticIds ids = new SyntheticIds(seed);
        int years = TODAY.getYear() - START.getYear() + 1;
        int target = Math.max(5, (int) Math.round(participants * 0.55 / (SITES.size() * years)));
        String createdAt =
                IsoTimeColumns.format(START.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC));
        handle.begin();
        for (Site site : SITES) {
            handle.createUpdate("INSERT INTO site (code, name, model, created_at) VALUES (:code, :name, :model, :at)")
                    .bind("code", site.code())
                    .bind("name", site.name())
                    .bind("model", site.model().name())
                    .bind("at", createdAt)
                    .execute();
            for (int year = START.getYear(); year <= TODAY.getYear(); year++) {
                String id = ids.next(0);
                handle.createUpdate("INSERT INTO cohort (id, site_code, name, starts_on, ends_on, target, created_at)"
                                + " VALUES (:id, :site, :name, :starts, :ends, :target, :at)")
                        .bind("id", id)
                        .bind("site", site.code())
                        .bind("name", SITE_PREFIX + site.code() + " cohort " + year)
                        .bind("starts", LocalDate.of(year, 1, 1))
                        .bind("ends", LocalDate.of(year, 12, 31))
                        .bind("target", target)
                        .bind("at", createdAt)
                        .execute();
                cohorts.put(site.code() + "/" + year, id);
            }
        }
        handle.commit();
        return cohorts.size();
    }
}
