package org.desist.session;

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
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.caserecord.CaseRecordFormPage;
import org.desist.caserecord.RecordKeeper;
import org.desist.participant.ParticipantService;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/** A clinician schedules a session on a case, and records how it turned out: what the session API does. */
@Hidden
@Path("/cases/{id}/sessions")
@Produces(MediaType.TEXT_HTML)
public class SessionPages {
    private final RecordKeeper<Session, SessionBody> sessions;
    private final ParticipantService participants;
    private final FormBinding forms;

    public SessionPages(
            RecordKeeper<Session, SessionBody> sessions, ParticipantService participants, FormBinding forms) {
        this.sessions = sessions;
        this.participants = participants;
        this.forms = forms;
    }

    @GET
    @Path("/new")
    @Requires(Action.SESSION_RECORD)
    public Page scheduleForm(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return scheduling(id, caller, request);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SESSION_RECORD)
    public Response schedule(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    NewSession session =
                            forms.read(CaseRecordFormPage.withInstant(form, "scheduledAt"), NewSession.class);
                    sessions.create(caller, id, session.asBody());
                    return Screens.seeOther(CaseRecordFormPage.caseAddress(id));
                },
                problem -> scheduling(id, caller, request).refused(form, problem));
    }

    @GET
    @Path("/{rid}/outcome")
    @Requires(Action.SESSION_RECORD)
    public Page outcomeForm(
            @PathParam("id") String id,
            @PathParam("rid") String sessionId,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return outcome(id, sessionId, caller, request);
    }

    @POST
    @Path("/{rid}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SESSION_RECORD)
    public Response recordOutcome(
            @PathParam("id") String id,
            @PathParam("rid") String sessionId,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    NewOutcome outcome = forms.read(form, NewOutcome.class);
                    sessions.progress(caller, id, sessionId, new RecordOutcome(outcome, caller.username()));
                    return Screens.seeOther(CaseRecordFormPage.caseAddress(id));
                },
                problem -> outcome(id, sessionId, caller, request).refused(form, problem));
    }

    private Page scheduling(String id, Caller caller, ContainerRequestContext request) {
        return CaseRecordFormPage.of(
                "session.ftlh",
                request,
                "Schedule a session",
                participants.read(caller, id),
                "/cases/" + id + "/sessions/new");
    }

    private Page outcome(String id, String sessionId, Caller caller, ContainerRequestContext request) {
        var participant = participants.read(caller, id);
        Session session = sessions.read(caller, id, sessionId);
        String about = capitalised(CaseRecordFormPage.words(session.kind())) + " on "
                + CaseRecordFormPage.londonTime(session.scheduledAt()) + " with " + session.facilitator();
        return CaseRecordFormPage.changing(
                "session-outcome.ftlh",
                request,
                "Record the session's outcome",
                participant,
                "/cases/" + id + "/sessions/" + sessionId + "/outcome",
                session,
                about);
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
