package org.desist.referral;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.Problem;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.reference.ReferenceResource;
import org.desist.reference.ScreeningQuestion;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The daily review: the referrals waiting at the reviewer's sites, in the API's queue order
 * ({@code GET /api/referrals?status=awaiting_review}), and the triage form of one
 * ({@code POST /api/referrals/{id}/review}) with the S-DASH questions as the reference data words them.
 */
@Hidden
@Path("/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {
    static final int PER_PAGE = 50;
    private static final String INSTRUMENT = "S-DASH";

    private final ReferralService referrals;
    private final ReferenceResource reference;
    private final FormBinding forms;
    private final Clock clock;

    public ReviewPages(ReferralService referrals, ReferenceResource reference, FormBinding forms, Clock clock) {
        this.referrals = referrals;
        this.reference = reference;
        this.forms = forms;
        this.clock = clock;
    }

    @GET
    @Requires(Action.REFERRAL_REVIEW)
    public Page queue(
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        int from = Math.max(0, offset);
        List<Referral> found = referrals.queue(
                caller, null, ReferralStatus.awaiting_review, new Period(null, null), new PageRequest(PER_PAGE, from));
        return new ReviewQueuePage(Screens.viewer(request), found, from, PER_PAGE);
    }

    @GET
    @Path("/{id}")
    @Requires(Action.REFERRAL_REVIEW)
    public Page referral(
            @PathParam("id") String id,
            @QueryParam("reviewed") String reviewed,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        MultivaluedMap<String, String> start = new MultivaluedHashMap<>();
        start.putSingle("reviewedOn", LocalDate.now(clock).toString());
        start.putSingle("screening.instrument", INSTRUMENT);
        return page(request, caller, id, reviewed != null).withValues(start);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.REFERRAL_REVIEW)
    public Response review(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        return Forms.submit(
                () -> {
                    referrals.review(caller, id, forms.read(form, NewReview.class));
                    return Screens.seeOther("/review/" + id + "?reviewed");
                },
                problem -> {
                    ReviewFormPage again = page(request, caller, id, false);
                    return again.refused(form, problem.status() == 409 ? reviewedBefore(problem, again) : problem);
                });
    }

    private ReviewFormPage page(ContainerRequestContext request, Caller caller, String id, boolean justReviewed) {
        List<ScreeningQuestion> questions = reference.screeningQuestions().items().stream()
                .filter(question -> INSTRUMENT.equals(question.instrument()))
                .toList();
        return new ReviewFormPage(Screens.viewer(request), referrals.read(caller, id), questions, justReviewed);
    }

    /** Someone decided meanwhile: the refusal names who and when, as the referral now shows it. */
    private static Problem reviewedBefore(Problem conflict, ReviewFormPage again) {
        Referral referral = again.getReferral();
        if (referral.reviewedBy() == null) {
            return conflict;
        }
        return new Problem(
                conflict.type(),
                conflict.title(),
                conflict.status(),
                "This referral has already been reviewed by " + referral.reviewedBy() + " on " + referral.reviewedOn()
                        + ": nothing you sent was saved.",
                conflict.errors(),
                null);
    }
}
