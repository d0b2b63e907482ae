package org.desist.http.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.http.BodyLimit;
import org.desist.http.Problem;

/**
 * The error answers every operation shares, as reusable responses: each an RFC 9457 problem
 * ({@code application/problem+json}, the {@link Problem} schema) with a realistic example.
 */
enum ProblemResponses {
    BAD_REQUEST(
            400,
            "BadRequest",
            "Malformed JSON, a query or path parameter that cannot be read (named in"
                    + " `errors`), an X-Purpose header over 200 characters, or a token in the address.",
            "from must be an ISO-8601 date (yyyy-mm-dd)",
            "from"),
    UNAUTHORIZED(
            401,
            "Unauthorized",
            "No credentials, a wrong username or password, a disabled account, or an"
                    + " unknown, expired or revoked token: the same answer whatever went wrong.",
            "Send valid credentials: HTTP Basic, or a Bearer token from POST /api/tokens",
            null),
    FORBIDDEN(
            403,
            "Forbidden",
            "The caller's role may not do this (see docs/access.md); audited as `denied`.",
            "Your role may not do this",
            null),
    NOT_FOUND(
            404,
            "NotFound",
            "No such record, or one of a site the caller is not bound to: the same answer" + " either way.",
            "No participant with id '0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90'",
            null),
    CONFLICT(
            409,
            "Conflict",
            "The record was entered in error, or its state does not allow this step"
                    + " (a second outcome, a move the lifecycle forbids), or processing of the case is restricted"
                    + " (docs/access.md). Nothing changed.",
            "A service referral cannot move from made to engaged",
            null),
    GONE(
            410,
            "Gone",
            "The participant was merged into another (the same person entered twice), which now holds"
                    + " the whole case: `mergedInto` and `mergedIntoCaseRef` name it. Only to a caller whose sites cover the"
                    + " survivor; anyone else gets 404.",
            "Participant 0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90 was merged into STAC-2026-0007"
                    + " (4d2e7c1a-9b3f-4a6e-8c51-0f7d3b2a9e64), which now holds the whole case: use that participant",
            null),
    PRECONDITION_FAILED(
            412,
            "PreconditionFailed",
            "If-Match names a version that is no longer current: read the" + " record again. Nothing changed.",
            "The record has changed since you read it; read it again and reapply your change",
            null),
    CONTENT_TOO_LARGE(
            413,
            "ContentTooLarge",
            "The body is over the limit of 1 MiB (" + BodyLimit.MAX_BYTES
                    + " bytes), whether its Content-Length says so or it grows past it. Nothing changed.",
            BodyLimit.DETAIL,
            null),
    UNPROCESSABLE(
            422,
            "UnprocessableContent",
            "A well-formed body with values that are not allowed; each field"
                    + " at fault is in `errors` with the reason (and the allowed values of an enum). Nothing changed.",
            "source must be one of: police, mental_health_team, advocacy_service, probation, other",
            "source"),
    PRECONDITION_REQUIRED(
            428,
            "PreconditionRequired",
            "If-Match is missing: send the ETag last read.",
            "Send If-Match with the ETag of the version you are changing",
            null),
    TOO_MANY_REQUESTS(
            429,
            "TooManyRequests",
            "Five failed logins for this username within 15 minutes: refused"
                    + " for 15 minutes, whether or not the username exists. Or a quota used up (reading case data,"
                    + " PDFs, exports; per account and per client address): the detail names the quota, and"
                    + " Retry-After says in how many seconds its window ends.",
            "Too many failed logins; try again later",
            null),
    SERVER_ERROR(
            500,
            "ServerError",
            "Something failed inside the service; the body names only an incident id,"
                    + " which is in the service's log.",
            "The service could not complete the request; quote incident 6f1c9a2e-8b4d-4c37-a0d5-2e9f7b1c3d48",
            null),
    SERVICE_UNAVAILABLE(
            503,
            "ServiceUnavailable",
            "The database is out of reach or overloaded just now; try again"
                    + " after Retry-After seconds. The body names an incident id, which is in the service's log.",
            "The database is unavailable just now (out of reach or overloaded); try again later, or quote incident"
                    + " 6f1c9a2e-8b4d-4c37-a0d5-2e9f7b1c3d48",
            null);

    static final String REF_PREFIX = "#/components/responses/";

    final int status;
    final String name;
    final String description;
    final String detail;
    final String field;

    ProblemResponses(int status, String name, String description, String detail, String field) {
        this.status = status;
        this.name = name;
        this.description = description;
        this.detail = detail;
        this.field = field;
    }

    /** A reference to this response, for an operation's responses. */
    ApiResponse ref() {
        return new ApiResponse().$ref(REF_PREFIX + name);
    }

    String code() {
        return Integer.toString(status);
    }

    /** Adds the Problem schema and every shared problem response to the components. */
    static void register(Components components) {
        ModelConverters.getInstance().readAll(Problem.class).forEach(components::addSchemas);
        for (ProblemResponses problem : values()) {
            components.addResponses(problem.name, problem.response());
        }
    }

    /** problem+json content of the Problem schema, for error responses an operation names itself. */
    static Content content() {
        return new Content()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    private ApiResponse response() {
        Content content = content();
        content.get(Problem.MEDIA_TYPE).example(example());
        ApiResponse response = new ApiResponse().description(description).content(content);
        if (status == 401) {
            response.addHeaderObject(
                    "WWW-Authenticate",
                    new Header()
                            .description("`Basic realm=\"desist\", charset=\"UTF-8\"` and `Bearer realm=\"desist\"`")
                            .schema(new StringSchema()));
        }
        if (status == 503) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before trying again")
                            .schema(new IntegerSchema()));
        }
        if (status == 429) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds until the username may try again")
                            .schema(new IntegerSchema()));
        }
        return response;
    }

    private Map<String, Object> example() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title());
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.put(
                    "errors",
                    List.of(Map.of(
                            "field",
                            field,
                            "reason",
                            detail.substring(field.length()).strip())));
        }
        if (status == 410) {
            problem.put("mergedInto", "4d2e7c1a-9b3f-4a6e-8c51-0f7d3b2a9e64");
            problem.put("mergedIntoCaseRef", "STAC-2026-0007");
        }
        if (status == 500 || status == 503) {
            problem.put("incidentId", "6f1c9a2e-8b4d-4c37-a0d5-2e9f7b1c3d48");
        }
        return problem;
    }

    private String title() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
