package org.desist.secondfactor.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.refusal.Refusal;
import org.desist.secondfactor.SecondFactors;
import org.desist.web.Forms;
import org.desist.web.Screens;
import org.desist.web.SessionRenewal;
import org.desist.web.SignInResource;

/**
 * Setting up one's authenticator app, and changing it: a new secret (a QR code and the same as text), confirmed
 * by a current code of it; then the ten recovery codes, shown on that answer alone, and the session replaced by
 * one begun with two factors. Changing an app already set up needs the current password and a current code
 * (the service checks both). What each form sends is {@link SecondFactors}'s, as the API's.
 */
@Hidden
@Path(SignInResource.ENROLMENT)
@Produces(MediaType.TEXT_HTML)
public class SecondFactorPages {
    private final SecondFactors secondFactors;
    private final SessionRenewal renewal;

    public SecondFactorPages(SecondFactors secondFactors, SessionRenewal renewal) {
        this.secondFactors = secondFactors;
        this.renewal = renewal;
    }

    @GET
    @Requires(Action.SECOND_FACTOR)
    public EnrolmentPage start(
            @QueryParam("next") String next, @Context Caller caller, @Context ContainerRequestContext request) {
        return enrolmentPage(caller, request, next);
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SECOND_FACTOR)
    public Response begin(
            MultivaluedMap<String, String> form, @Context Caller caller, @Context ContainerRequestContext request) {
        String next = form.getFirst("next");
        return Forms.submit(
                () -> {
                    SecondFactors.Enrolment enrolment = secondFactors.begin(
                            caller,
                            new SecondFactors.EnrolmentStart(form.getFirst("currentPassword"), form.getFirst("code")));
                    return Response.ok(ScanPage.of(Screens.viewer(request), enrolment.otpauthUri())
                                    .withValues(sent(next)))
                            .build();
                },
                problem -> enrolmentPage(caller, request, next).refused(sent(next), problem));
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SECOND_FACTOR)
    public Response confirm(
            MultivaluedMap<String, String> form, @Context Caller caller, @Context ContainerRequestContext request) {
        String next = form.getFirst("next");
        return Forms.submit(
                () -> {
                    String code = form.getFirst("code");
                    if (code == null || code.isBlank()) {
                        throw new Refusal.Invalid("code", "Enter the 6-digit code your authenticator app shows");
                    }
                    SecondFactors.RecoveryCodes codes = secondFactors.confirm(caller, code.strip());
                    SessionRenewal.Renewed renewed = renewal.renew(request, caller.username(), true);
                    return Response.ok(new RecoveryCodesPage(
                                    renewed.viewer(), codes.codes(), SignInResource.returnTo(next)))
                            .cookie(renewed.cookie())
                            .build();
                },
                // the QR code again, from the form: the pending secret is the service's, the picture only a copy
                problem -> ScanPage.of(Screens.viewer(request), form.getFirst("otpauthUri"))
                        .refused(sent(next), problem));
    }

    private EnrolmentPage enrolmentPage(Caller caller, ContainerRequestContext request, String next) {
        EnrolmentPage page = new EnrolmentPage(
                Screens.viewer(request), secondFactors.enrolled(caller.username()), secondFactors.required());
        page.withValues(sent(next));
        return page;
    }

    private static MultivaluedMap<String, String> sent(String next) {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle("next", SignInResource.returnTo(next));
        return values;
    }
}
