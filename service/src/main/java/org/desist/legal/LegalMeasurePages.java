package org.desist.legal;

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

/** Police, probation or an advocate records a legal measure on a case: what the legal measure API does. */
@Hidden
@Path("/cases/{id}/legal-measures")
@Produces(MediaType.TEXT_HTML)
public class LegalMeasurePages {
    private final NewRecordPages<LegalMeasure, NewLegalMeasure> form;

    public LegalMeasurePages(
            RecordKeeper<LegalMeasure, NewLegalMeasure> measures, ParticipantService participants, FormBinding forms) {
        this.form = new NewRecordPages<>(
                measures,
                participants,
                forms,
                NewLegalMeasure.class,
                "legal-measure.ftlh",
                "Record a protective measure",
                "legal-measures");
    }

    @GET
    @Path("/new")
    @Requires(Action.LEGAL_MEASURE_RECORD)
    public Page form(@PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return form.show(id, caller, request);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.LEGAL_MEASURE_RECORD)
    public Response record(
            @PathParam("id") String id,
            MultivaluedMap<String, String> sent,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return form.save(id, sent, caller, request);
    }
}
