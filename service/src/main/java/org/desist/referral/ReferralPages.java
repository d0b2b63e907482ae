package org.desist.referral;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * Refer a case: the API's referral body as a form ({@code POST /api/referrals}), and the identity match of the
 * intake shown to the referrer with its choices, as the API's 409 gives them.
 */
@Hidden
@Path("/referrals")
@Produces(MediaType.TEXT_HTML)
public class ReferralPages {
    private final ReferralService referrals;
    private final FormBinding forms;
    private final Clock clock;

    public ReferralPages(ReferralService referrals, FormBinding forms, Clock clock) {
        this.referrals = referrals;
        this.forms = forms;
        this.clock = clock;
    }

    @GET
    @Path("/new")
    @Requires(Action.REFERRAL_RECEIVE)
    public Page form(@Context ContainerRequestContext request, @Context Caller caller) {
        // what the referrer would type anyway: today, their own service as the source, their only site
        MultivaluedMap<String, String> start = new MultivaluedHashMap<>();
        start.putSingle("receivedOn", LocalDate.now(clock).toString());
        start.putSingle("source", usualSource(caller));
        if (caller.user().sites().size() == 1) {
            start.putSingle("siteCode", caller.user().sites().iterator().next());
        }
        return new ReferralFormPage(Screens.viewer(request), caller).withValues(start);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.REFERRAL_RECEIVE)
    public Response refer(
            MultivaluedMap<String, String> form, @Context ContainerRequestContext request, @Context Caller caller) {
        return Forms.submit(
                () -> {
                    Referral referral = referrals.receive(caller, forms.read(form, NewReferral.class));
                    return Screens.seeOther("/referrals/" + referral.id());
                },
                problem -> new ReferralFormPage(Screens.viewer(request), caller).refused(form, problem));
    }

    /** The confirmation after a referral: its case reference, and the way to the case. */
    @GET
    @Path("/{id}")
    @Requires(Action.REFERRAL_READ)
    public Page received(@PathParam("id") String id, @Context ContainerRequestContext request, @Context Caller caller) {
        return new ReferralReceivedPage(Screens.viewer(request), referrals.read(caller, id));
    }

    private static String usualSource(Caller caller) {
        if (caller.user().has(Role.police)) {
            return ReferralSource.police.name();
        }
        if (caller.user().has(Role.clinician)) {
            return ReferralSource.mental_health_team.name();
        }
        if (caller.user().has(Role.probation)) {
            return ReferralSource.probation.name();
        }
        if (caller.user().has(Role.advocate)) {
            return ReferralSource.advocacy_service.name();
        }
        return "";
    }
}
