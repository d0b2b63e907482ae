package org.desist.caserecord;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every saved version of every case record, as JSON snapshots. Only ever appended. */
public interface RecordVersionDao {

    record Row(int version, String snapshot, Instant recordedAt, String recordedBy, String reason) {}

    @SqlUpdate(
            "INSERT INTO record_version (record_type, record_id, version, snapshot, recorded_at, recorded_by, reason)"
                    + " VALUES (:type, :id, :version, :snapshot, :at, :by, :reason)")
    void insert(
            @Bind("type") String type,
            @Bind("id") String id,
            @Bind("version") int version,
            @Bind("snapshot") String snapshot,
            @Bind("at") Instant at,
            @Bind("by") String by,
            @Bind("reason") String reason);

    @SqlQuery("SELECT version, snapshot, recorded_at, recorded_by, reason FROM record_version"
            + " WHERE record_type = :type AND record_id = :id ORDER BY version")
    @RegisterConstructorMapper(Row.class)
    List<Row> versions(@Bind("type") String type, @Bind("id") String id);
}
