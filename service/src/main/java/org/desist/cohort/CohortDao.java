package org.desist.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Cohort.class)
public interface CohortDao {
    String SELECT = """
            SELECT c.id, c.site_code, c.name, c.starts_on, c.ends_on, c.target, c.created_at,
                   (SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.enrolled_on IS NOT NULL) AS enrolled,
                   (SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.state = 'enrolled') AS active
            FROM cohort c
            """;

    @SqlUpdate("""
            INSERT INTO cohort (id, site_code, name, starts_on, ends_on, target, created_at)
            VALUES (:id, :siteCode, :name, :startsOn, :endsOn, :target, :createdAt)
            """)
    void insert(
            @Bind("id") String id,
            @Bind("siteCode") String siteCode,
            @Bind("name") String name,
            @Bind("startsOn") LocalDate startsOn,
            @Bind("endsOn") LocalDate endsOn,
            @Bind("target") int target,
            @Bind("createdAt") Instant createdAt);

    @SqlQuery(SELECT + " WHERE c.id = :id")
    Optional<Cohort> find(@Bind("id") String id);

    @SqlQuery(SELECT + " WHERE (:siteCode IS NULL OR c.site_code = :siteCode)"
            + " AND (:from IS NULL OR c.starts_on >= :from) AND (:to IS NULL OR c.starts_on <= :to)"
            + " AND (:allSites = 1 OR c.site_code IN (<sites>))"
            + " ORDER BY c.starts_on DESC, c.id LIMIT :limit OFFSET :offset")
    List<Cohort> list(
            @Bind("siteCode") String siteCode,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
