package org.desist.restriction;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Restriction.class)
interface RestrictionDao {
    String COLUMNS = "id, participant_id, purpose, restricted_at, restricted_by, lifted_at, lifted_by";

    @SqlUpdate("INSERT INTO case_restriction (id, participant_id, purpose, restricted_at, restricted_by)"
            + " VALUES (:id, :participantId, :purpose, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @Bind("purpose") String purpose,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_restriction WHERE participant_id = :participantId"
            + " AND lifted_at IS NULL")
    Optional<Restriction> inForce(@Bind("participantId") String participantId);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_restriction WHERE id = :id")
    Restriction find(@Bind("id") String id);

    @SqlUpdate("UPDATE case_restriction SET lifted_at = :at, lifted_by = :by WHERE id = :id AND lifted_at IS NULL")
    int lift(@Bind("id") String id, @Bind("at") Instant at, @Bind("by") String by);
}
