package org.desist.assessment;

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
import org.desist.caserecord.NewRecordPages;
import org.desist.caserecord.RecordKeeper;
import org.desist.participant.ParticipantService;
import org.desist.web.FormBinding;
import org.desist.web.Page;

/** A clinician records an assessment on a case: what the assessment API does. */
@Hidden
@Path("/cases/{id}/assessments")
@Produces(MediaType.TEXT_HTML)
public class AssessmentPages {
    private final NewRecordPages<Assessment, NewAssessment> form;

    public AssessmentPages(
            RecordKeeper<Assessment, NewAssessment> assessments, ParticipantService participants, FormBinding forms) {
        this.form = new NewRecordPages<>(
                assessments,
                participants,
                forms,
                NewAssessment.class,
                "assessment.ftlh",
                "Record an assessment",
                "assessments");
    }

    @GET
    @Path("/new")
    @Requires(Action.ASSESSMENT_RECORD)
    public Page form(@PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return form.show(id, caller, request);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.ASSESSMENT_RECORD)
    public Response record(
            @PathParam("id") String id,
            MultivaluedMap<String, String> sent,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return form.save(id, sent, caller, request);
    }
}
