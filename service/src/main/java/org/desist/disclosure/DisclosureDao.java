package org.desist.disclosure;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The ledger of disclosures: appended to, never changed. */
@RegisterConstructorMapper(Disclosure.class)
public interface DisclosureDao {
    String COLUMNS = "id, participant_id, kind, cohort_id, site_code, recipient_name, recipient_organisation,"
            + " purpose, content_sha256, size_bytes, disclosed_at, disclosed_by";

    @SqlUpdate("INSERT INTO disclosure (" + COLUMNS + ") VALUES (:id, :participantId, :kind, :cohortId, :siteCode,"
            + " :recipientName, :recipientOrganisation, :purpose, :contentSha256, :sizeBytes, :disclosedAt,"
            + " :disclosedBy)")
    void insert(@BindMethods Disclosure disclosure);

    /** A case's ledger, newest first: the case's own id and the ids of the records merged into it. */
    @SqlQuery("SELECT " + COLUMNS + " FROM disclosure WHERE participant_id IN (<ids>)"
            + " ORDER BY disclosed_at DESC, id DESC")
    List<Disclosure> ofCase(@BindList("ids") List<String> ids);

    /** What this account last told the ledger: the values a download form starts from. */
    @SqlQuery("SELECT " + COLUMNS + " FROM disclosure WHERE disclosed_by = :username"
            + " ORDER BY disclosed_at DESC, id DESC LIMIT 1")
    Optional<Disclosure> latestBy(@Bind("username") String username);
}
