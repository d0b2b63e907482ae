package org.desist.onward;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.caserecord.CaseRecordFormPage;
import org.desist.caserecord.NewRecordPages;
import org.desist.caserecord.RecordKeeper;
import org.desist.http.Versions;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * A clinician makes an onward referral and moves it along its lifecycle. A move carries the version of the
 * referral the form was opened at, so that a move made meanwhile by someone else is not overtaken blindly (412).
 */
@Hidden
@Path("/cases/{id}/service-referrals")
@Produces(MediaType.TEXT_HTML)
public class ServiceReferralPages {
    /** The hidden input that carries the version read; not part of the API's body (the API's If-Match). */
    static final String VERSION = "version";

    private final RecordKeeper<ServiceReferral, NewServiceReferral> referrals;
    private final ParticipantService participants;
    private final FormBinding forms;
    private final NewRecordPages<ServiceReferral, NewServiceReferral> making;

    public ServiceReferralPages(
            RecordKeeper<ServiceReferral, NewServiceReferral> referrals,
            ParticipantService participants,
            FormBinding forms) {
        this.referrals = referrals;
        this.participants = participants;
        this.forms = forms;
        this.making = new NewRecordPages<>(
                referrals,
                participants,
                forms,
                NewServiceReferral.class,
                "service-referral.ftlh",
                "Make an onward referral",
                "service-referrals");
    }

    @GET
    @Path("/new")
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    public Page form(@PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return making.show(id, caller, request);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    public Response make(
            @PathParam("id") String id,
            MultivaluedMap<String, String> sent,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return making.save(id, sent, caller, request);
    }

    @GET
    @Path("/{rid}/move")
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    public Page moveForm(
            @PathParam("id") String id,
            @PathParam("rid") String referralId,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return moving(id, referralId, caller, request);
    }

    /**
     * The API's transition, made only if the referral is still at the version the form was opened at: the
     * keeper's {@link RecordKeeper#change} (the same move, with the version checked and the reason kept).
     */
    @POST
    @Path("/{rid}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    public Response move(
            @PathParam("id") String id,
            @PathParam("rid") String referralId,
            MultivaluedMap<String, String> sent,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    ServiceReferralTransition transition =
                            forms.read(CaseRecordFormPage.without(sent, VERSION), ServiceReferralTransition.class);
                    String version = sent.getFirst(VERSION);
                    referrals.change(
                            caller,
                            id,
                            referralId,
                            Versions.expected(version == null ? null : "\"" + version + "\""),
                            transition.reason(),
                            ServiceReferrals.move(transition, caller.username()));
                    return Screens.seeOther(CaseRecordFormPage.caseAddress(id));
                },
                problem -> problem.status() == 412
                        ? moving(id, referralId, caller, request)
                                .refused(
                                        CaseRecordFormPage.without(sent, VERSION),
                                        CaseRecordFormPage.reworded(
                                                problem,
                                                "This referral has changed since you opened it: check where it"
                                                        + " stands now, then move it again if you still need to"))
                        : moving(id, referralId, caller, request).refused(sent, problem));
    }

    /** The referral as it stands, and only the moves its state allows. */
    private Page moving(String id, String referralId, Caller caller, ContainerRequestContext request) {
        Participant participant = participants.read(caller, id);
        ServiceReferral referral = referrals.read(caller, id, referralId);
        String about = "Referred to " + referral.provider() + " (" + CaseRecordFormPage.words(referral.kind())
                + ") on " + referral.madeOn() + ". Now " + CaseRecordFormPage.words(referral.state()) + " since "
                + referral.stateOn() + ".";
        return CaseRecordFormPage.changing(
                "service-referral-move.ftlh",
                request,
                "Move the onward referral",
                participant,
                "/cases/" + id + "/service-referrals/" + referralId + "/move",
                new Moving(
                        referral.version(),
                        referral.state().next().stream().map(Enum::name).toList()),
                about);
    }

    /** What the move form needs of the referral: the version it was read at and the states it may move to. */
    public static final class Moving {
        private final int version;
        private final List<String> next;

        Moving(int version, List<String> next) {
            this.version = version;
            this.next = next;
        }

        public int getVersion() {
            return version;
        }

        public List<String> getNext() {
            return next;
        }
    }
}
