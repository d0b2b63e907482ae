package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.desist.refusal.ExpectedVersion;
import org.desist.refusal.FieldReason;
import org.desist.refusal.MatchedParticipant;
import org.desist.refusal.Refusal;
import org.junit.jupiter.api.Test;

/**
 * Each kind of refusal answers with the status, headers and problem body, byte for byte, that the same refusal
 * answered with when services threw {@code ProblemException} (the bodies below are those it wrote).
 */
class RefusalMapperTest {
    /** Dates as the application writes them (ISO-8601). */
    private static final ObjectMapper JSON =
            Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final RefusalMapper mapper = new RefusalMapper();

    @Test
    void not_found() throws Exception {
        assertAnswer(new Refusal.NotFound("participant", "p-1"), 404, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"No participant with id 'p-1'"}""");
    }

    @Test
    void conflict() throws Exception {
        assertAnswer(new Refusal.Conflict("Referral r-1 has already been reviewed"), 409, """
                {"type":"about:blank","title":"Conflict","status":409,\
                "detail":"Referral r-1 has already been reviewed"}""");
    }

    @Test
    void conflict_listing_the_participants_it_matched() throws Exception {
        MatchedParticipant match = new MatchedParticipant(
                "p-1",
                "STAC-2026-0001",
                "Daniel",
                "Hale",
                LocalDate.of(1987, 3, 14),
                "STAC",
                "London STAC",
                "nhsNumber");
        Refusal refusal = new Refusal.Conflict(
                "NHS number is held by STAC-2026-0001",
                List.of(new FieldReason("participant.nhsNumber", "is held by a participant already known")),
                List.of(match)) {};
        assertAnswer(refusal, 409, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"NHS number is held by STAC-2026-0001",\
                "errors":[{"field":"participant.nhsNumber","reason":"is held by a participant already known"}],\
                "matches":[{"id":"p-1","caseRef":"STAC-2026-0001","givenName":"Daniel","familyName":"Hale",\
                "dateOfBirth":"1987-03-14","siteCode":"STAC","siteName":"London STAC","matchedOn":"nhsNumber"}]}""");
    }

    @Test
    void invalid_field() throws Exception {
        assertAnswer(new Refusal.Invalid("reason", "must be at most 2000 characters"), 422, """
                {"type":"about:blank","title":"Unprocessable Content","status":422,\
                "detail":"reason must be at most 2000 characters",\
                "errors":[{"field":"reason","reason":"must be at most 2000 characters"}]}""");
    }

    @Test
    void invalid_fields_with_a_detail_of_their_own() throws Exception {
        assertAnswer(
                new Refusal.Invalid(
                        "2 ratings are missing",
                        List.of(
                                new FieldReason("ratings.violence", "must not be null"),
                                new FieldReason("ratings.recurrence", "must not be null"))),
                422,
                """
                {"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"2 ratings are missing",\
                "errors":[{"field":"ratings.violence","reason":"must not be null"},\
                {"field":"ratings.recurrence","reason":"must not be null"}]}""");
    }

    @Test
    void bad_parameter() throws Exception {
        assertAnswer(new Refusal.BadParameter("to", "must not be before from"), 400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"to must not be before from",\
                "errors":[{"field":"to","reason":"must not be before from"}]}""");
    }

    @Test
    void forbidden() throws Exception {
        assertAnswer(new Refusal.Forbidden("currentPassword", "is not your current password"), 403, """
                {"type":"about:blank","title":"Forbidden","status":403,\
                "detail":"currentPassword is not your current password",\
                "errors":[{"field":"currentPassword","reason":"is not your current password"}]}""");
        assertAnswer(
                new Refusal.Forbidden(
                        "Only a programme lead may see unsuppressed figures",
                        List.of(new FieldReason("unsuppressed", "is for programme leads only"))),
                403,
                """
                {"type":"about:blank","title":"Forbidden","status":403,\
                "detail":"Only a programme lead may see unsuppressed figures",\
                "errors":[{"field":"unsuppressed","reason":"is for programme leads only"}]}""");
    }

    @Test
    void merged_into_another_participant() throws Exception {
        assertAnswer(new Refusal.MergedInto("p-1", "p-2", "STAC-2026-0007"), 410, """
                {"type":"about:blank","title":"Gone","status":410,"detail":"Participant p-1 was merged into\
                 STAC-2026-0007 (p-2), which now holds the whole case: use that participant","mergedInto":"p-2",\
                "mergedIntoCaseRef":"STAC-2026-0007"}""");
    }

    @Test
    void stale_version() throws Exception {
        assertAnswer(new Refusal.StaleVersion(), 412, """
                {"type":"about:blank","title":"Precondition Failed","status":412,\
                "detail":"The record has changed since you read it; read it again and reapply your change"}""");
    }

    @Test
    void version_required() throws Exception {
        String detail = "Send If-Match with the ETag of the version you are changing";
        assertAnswer(new Refusal.VersionRequired(detail), 428, """
                {"type":"about:blank","title":"Precondition Required","status":428,\
                "detail":"Send If-Match with the ETag of the version you are changing"}""");
    }

    @Test
    void unavailable() throws Exception {
        assertAnswer(
                new Refusal.Unavailable(
                        "The evaluation export needs a pseudonym key",
                        List.of(new FieldReason("pseudonymKey", "is not set"))),
                503,
                """
                {"type":"about:blank","title":"Service Unavailable","status":503,\
                "detail":"The evaluation export needs a pseudonym key",\
                "errors":[{"field":"pseudonymKey","reason":"is not set"}]}""");
    }

    @Test
    void throttled_says_when_to_retry_in_whole_seconds_rounded_up() throws Exception {
        Response response = assertAnswer(
                new Refusal.Throttled(
                        "Too many failed logins from this address; try again later", Duration.ofMillis(60_001)),
                429,
                """
                {"type":"about:blank","title":"Too Many Requests","status":429,\
                "detail":"Too many failed logins from this address; try again later"}""");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("61");
        assertThat(mapper.toResponse(new Refusal.Throttled("later", Duration.ZERO))
                        .getHeaderString("Retry-After"))
                .isEqualTo("1");
    }

    @Test
    void an_expected_version_refuses_as_if_match_did() {
        ExpectedVersion.of(3).requireCurrent(3);
        assertThat(problemOf(() -> ExpectedVersion.of(2).requireCurrent(3)).status())
                .isEqualTo(412);
        assertThat(problemOf(() -> ExpectedVersion.unmatchable().requireCurrent(3))
                        .status())
                .isEqualTo(412);
        Problem missing = problemOf(() -> ExpectedVersion.missing("If-Match must carry the ETag you read, not *")
                .requireCurrent(3));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.detail()).isEqualTo("If-Match must carry the ETag you read, not *");
    }

    private Response assertAnswer(Refusal refusal, int status, String body) throws Exception {
        Response response = mapper.toResponse(refusal);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(JSON.writeValueAsString(response.getEntity())).isEqualTo(body);
        if (!(refusal instanceof Refusal.Throttled)) {
            assertThat(response.getHeaders().keySet()).containsExactly("Content-Type");
        }
        return response;
    }

    private static Problem problemOf(Runnable change) {
        try {
            change.run();
        } catch (Refusal refusal) {
            return RefusalMapper.problem(refusal);
        }
        throw new AssertionError("not refused");
    }
}
