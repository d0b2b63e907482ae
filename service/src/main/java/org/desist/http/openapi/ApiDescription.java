package org.desist.http.openapi;

import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI 3 description, generated from the resources and served at /api/openapi.json; what the
 * operations share is added by {@link DescribingReader}.
 */
public final class ApiDescription {
    private static final String ABOUT = """
            Tracks perpetrators of stalking through a multi-agency intervention programme.

            **Signing in.** Every call but this description needs credentials: HTTP Basic (an account made by an \
            administrator with `add-user`), or `Authorization: Bearer <token>` with a token from `POST /tokens`. \
            On the API page, use *Authorize*. What each role may call is in `docs/access.md`; a case of a site \
            the caller is not bound to answers 404, as if it did not exist.

            **Shapes.** JSON; dates `yyyy-mm-dd`, instants UTC ISO-8601, ids opaque strings, enums exactly as \
            listed (snake_case, but for the names of instruments and coding systems: SRP, SAM, S-DASH, ICD-10). \
            Lists answer `{"items": [...], "next": ...}`: follow `next` (null on the last page); `limit` is 1-500 \
            (default 50); dated lists take `from`/`to` (inclusive; `to` before `from` is 400). Creates answer 201 \
            with `Location`. Case records carry an `ETag`: a `PATCH` (a JSON merge patch) or a mark of entered in \
            error sends it back in `If-Match`, with a `reason`.

            **Errors** are RFC 9457 problem details (`application/problem+json`): `detail` says what went wrong \
            and `errors` lists each field at fault with the reason, naming the allowed values of an enum.

            **Audit.** Reads and writes of case data are audited; say why in the optional `X-Purpose` header.""";

    private ApiDescription() {}

    public static OpenApiResource resource() {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Desist").version("1").description(ABOUT))
                .servers(List.of(new Server()
                        .url("/api")
                        .description("This service (the address the description was read from, under /api)")))
                .tags(tags());
        SwaggerConfiguration configuration = new SwaggerConfiguration()
                .openAPI(api)
                .readerClass(DescribingReader.class.getName())
                .prettyPrint(true)
                .sortOutput(true)
                .resourcePackages(Set.of("org.desist"));
        OpenApiResource resource = new OpenApiResource();
        resource.setOpenApiConfiguration(configuration);
        return resource;
    }

    /** The groups of operations, in the order a case goes through them. */
    private static List<Tag> tags() {
        return List.of(
                tag("Accounts", "Bearer tokens, and account administration (accounts are made with add-user)"),
                tag("Sites and cohorts", "Programme sites and their pilot cohorts, opened by the programme lead"),
                tag("Referrals and the daily review", "Referrals in, and the daily case review's decision"),
                tag("Participants", "The people referred, with their case reference"),
                tag("Enrolments", "A participant's place in a cohort and its lifecycle"),
                tag("Assessments", "Psychiatric, psychological and risk assessments"),
                tag("Sessions", "Sessions scheduled, and their outcomes"),
                tag("Onward referrals", "Referrals to mental health, substance misuse and other services"),
                tag("Risk management plan", "Actions agreed between the agencies"),
                tag("Legal measures", "Orders and conditions in force"),
                tag("Victim safety", "The victim advocate's concerns, through the referral's victim reference"),
                tag("Desistance reviews", "Periodic reviews of risk, fixation and engagement"),
                tag("Incidents", "Breaches, allegations, arrests, charges and convictions"),
                tag("Case read models", "The timeline and the progress figures"),
                tag("Case summaries", "What probation and the CPS read: as JSON, and as the PDF printed from it"),
                tag("Cohort figures", "A cohort's report, the programme's comparison and the evaluators' export"),
                tag("Reference data", "Reason codes and screening questions"),
                tag("Audit", "Who read or changed what, and why"),
                tag(DescriptionItself.TAG, "This description"));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
