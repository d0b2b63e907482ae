package org.desist.participant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.desist.refusal.MatchedParticipant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Participant.class)
public interface ParticipantDao {
    String COLUMNS = "id, case_ref, site_code, given_name, family_name, date_of_birth, pnc_id, nhs_number,"
            + " created_at, updated_at, version";

    /** The identity's match keys ({@link MatchKey}), written with it wherever it changes. */
    String KEYS = "given_key = :k.givenKey, family_key = :k.familyKey, nhs_key = :k.nhsKey, pnc_key = :k.pncKey";

    @SqlUpdate("INSERT INTO participant (" + COLUMNS + ", given_key, family_key, nhs_key, pnc_key, new_person_reason)"
            + " VALUES (:id, :caseRef, :siteCode, :givenName, :familyName, :dateOfBirth, :pncId, :nhsNumber, :createdAt,"
            + " :updatedAt, :version, :k.givenKey, :k.familyKey, :k.nhsKey, :k.pncKey, :newPersonReason)")
    void insert(
            @BindMethods Participant participant,
            @BindMethods("k") IdentityKeys keys,
            @Bind("newPersonReason") String newPersonReason);

    /** What a match names: the participant as its site knows it. */
    String MATCH = "SELECT p.id, p.case_ref, p.given_name, p.family_name, p.date_of_birth, p.site_code,"
            + " s.name AS site_name, :on AS matched_on FROM participant p JOIN site s ON s.code = p.site_code"
            + " WHERE p.merged_into IS NULL AND p.id <> :except AND ";

    /** Live participants holding the NHS number (by its claim, or as written by a duplicate older than the claims). */
    @SqlQuery(MATCH + "(p.nhs_key = :key OR p.nhs_number = :key) ORDER BY p.created_at")
    @RegisterConstructorMapper(MatchedParticipant.class)
    List<MatchedParticipant> holdingNhsNumber(
            @Bind("key") String nhsKey, @Bind("except") String exceptId, @Bind("on") String on);

    @SqlQuery(MATCH + "(p.pnc_key = :key OR p.pnc_id = :key) ORDER BY p.created_at")
    @RegisterConstructorMapper(MatchedParticipant.class)
    List<MatchedParticipant> holdingPncId(
            @Bind("key") String pncKey, @Bind("except") String exceptId, @Bind("on") String on);

    /** The same name (either way round, as compared) and date of birth. */
    @SqlQuery(
            MATCH + "p.date_of_birth = :k.dateOfBirth AND ((p.given_key = :k.givenKey AND p.family_key = :k.familyKey)"
                    + " OR (p.given_key = :k.familyKey AND p.family_key = :k.givenKey)) ORDER BY p.created_at")
    @RegisterConstructorMapper(MatchedParticipant.class)
    List<MatchedParticipant> namedAndBorn(
            @BindMethods("k") IdentityKeys keys, @Bind("except") String exceptId, @Bind("on") String on);

    /** A participant disposed of (retention/Disposal) is no longer one: its row is a content-free skeleton. */
    String NOT_DISPOSED = " NOT EXISTS (SELECT 1 FROM disposed_case d WHERE d.participant_id = participant.id)";

    @SqlQuery("SELECT " + COLUMNS + " FROM participant WHERE id = :id AND" + NOT_DISPOSED)
    Optional<Participant> find(@Bind("id") String id);

    @SqlUpdate("INSERT INTO participant_version (participant_id, version, given_name, family_name, date_of_birth,"
            + " pnc_id, nhs_number, recorded_at, recorded_by) SELECT id, version, given_name, family_name,"
            + " date_of_birth, pnc_id, nhs_number, updated_at, :by FROM participant WHERE id = :id")
    void recordVersion(@Bind("id") String id, @Bind("by") String by);

    @SqlQuery("SELECT version, given_name, family_name, date_of_birth, pnc_id, nhs_number, recorded_at, recorded_by"
            + " FROM participant_version WHERE participant_id = :id ORDER BY version")
    @RegisterConstructorMapper(IdentityVersion.class)
    List<IdentityVersion> versions(@Bind("id") String id);

    /**
     * Live participants only. {@code pattern} is a LIKE pattern of a name's match key (or a lower-case case
     * reference) with its own wildcards escaped by '!'; the NHS number and PNC id are compared as keys, both as
     * claimed and as written (a duplicate older than the claims holds none). Where the case stands is its latest
     * enrolment's state (a participant holds one open enrolment at most, opened after any earlier one closed) and
     * the priority of its latest reviewed referral.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM participant"
            + " WHERE merged_into IS NULL AND (:siteCode IS NULL OR site_code = :siteCode)"
            + " AND (:pattern IS NULL OR given_key || family_key LIKE :pattern ESCAPE '!'"
            + "      OR family_key || given_key LIKE :pattern ESCAPE '!'"
            + "      OR lower(case_ref) LIKE :pattern ESCAPE '!')"
            + " AND (:nhsKey IS NULL OR nhs_key = :nhsKey OR nhs_number = :nhsKey)"
            + " AND (:pncKey IS NULL OR pnc_key = :pncKey OR pnc_id = :pncKey)"
            + " AND (:dateOfBirth IS NULL OR date_of_birth = :dateOfBirth)"
            + " AND (:enrolmentState IS NULL OR (SELECT e.state FROM enrolment e WHERE e.participant_id = participant.id"
            + "      ORDER BY e.created_at DESC, e.id DESC LIMIT 1) = :enrolmentState)"
            + " AND (:priority IS NULL OR (SELECT r.priority FROM referral r WHERE r.participant_id = participant.id"
            + "      AND r.status = 'reviewed' ORDER BY r.received_on DESC, r.created_at DESC, r.id DESC LIMIT 1)"
            + "      = :priority)"
            + " AND (:createdFrom IS NULL OR created_at >= :createdFrom)"
            + " AND (:createdBefore IS NULL OR created_at < :createdBefore)"
            + " AND (:allSites = 1 OR site_code IN (<sites>))"
            + " AND merged_into IS NULL AND" + NOT_DISPOSED
            + " ORDER BY family_name, given_name, case_ref LIMIT :limit OFFSET :offset")
    List<Participant> list(
            @Bind("siteCode") String siteCode,
            @Bind("pattern") String pattern,
            @Bind("nhsKey") String nhsKey,
            @Bind("pncKey") String pncKey,
            @Bind("dateOfBirth") LocalDate dateOfBirth,
            @Bind("enrolmentState") String enrolmentState,
            @Bind("priority") String priority,
            @Bind("createdFrom") Instant createdFrom,
            @Bind("createdBefore") Instant createdBefore,
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    /** The decisions about who the participant is: a new person confirmed over a namesake, then each merge into it. */
    @SqlQuery("SELECT 'confirmed_new_person' AS decision, p.created_at AS decided_at, v.recorded_by AS decided_by,"
            + " p.new_person_reason AS reason FROM participant p JOIN participant_version v"
            + " ON v.participant_id = p.id AND v.version = 1 WHERE p.id = :id AND p.new_person_reason IS NOT NULL"
            + " UNION ALL SELECT 'merged', merged_at, merged_by, merge_reason FROM participant WHERE merged_into = :id"
            + " ORDER BY 2")
    @RegisterConstructorMapper(IdentityDecision.class)
    List<IdentityDecision> identityDecisions(@Bind("id") String id);

    /** Writes the identity only if nobody changed the record since {@code version}; returns rows changed. */
    @SqlUpdate("UPDATE participant SET given_name = :i.givenName, family_name = :i.familyName,"
            + " date_of_birth = :i.dateOfBirth, pnc_id = :i.pncId, nhs_number = :i.nhsNumber, " + KEYS + ","
            + " updated_at = :at, version = version + 1 WHERE id = :id AND version = :version")
    int updateIdentity(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("i") Identity identity,
            @BindMethods("k") IdentityKeys keys,
            @Bind("at") Instant at);

    /**
     * Takes the next case number for a site and year in one statement: the upsert locks the sequence row
     * until the transaction ends, so concurrent referrals queue on it on every database.
     */
    @SqlUpdate("INSERT INTO case_ref_sequence (site_code, year, last_number) VALUES (:site, :year, 1)"
            + " ON CONFLICT (site_code, year) DO UPDATE SET last_number = case_ref_sequence.last_number + 1")
    void takeCaseNumber(@Bind("site") String siteCode, @Bind("year") int year);

    @SqlQuery("SELECT last_number FROM case_ref_sequence WHERE site_code = :site AND year = :year")
    int lastCaseNumber(@Bind("site") String siteCode, @Bind("year") int year);

    /** Where a merged participant went: the survivor's id, case reference and site; empty for a live one. */
    @SqlQuery("SELECT s.id, s.case_ref, s.site_code FROM participant m JOIN participant s ON s.id = m.merged_into"
            + " WHERE m.id = :id")
    @RegisterConstructorMapper(Survivor.class)
    Optional<Survivor> survivorOf(@Bind("id") String id);

    /** The participants merged into this one, oldest merge first. */
    @SqlQuery("SELECT id FROM participant WHERE merged_into = :id ORDER BY merged_at, id")
    List<String> mergedInto(@Bind("id") String id);

    /**
     * Takes the participant's row lock until the transaction ends: an update of the row onto itself, the
     * same text on both databases (as session.AttendanceTotals takes it). A merge takes it on both people.
     */
    @SqlUpdate("UPDATE participant SET version = version WHERE id = :id")
    int lock(@Bind("id") String id);
}
