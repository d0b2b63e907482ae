package org.desist.caserecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.Map;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.Paging;
import org.desist.listing.PageRequest;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * A case's records on screen, one kind at a time: {@code /cases/{id}/records/{kind}} lists them and
 * {@code /cases/{id}/records/{kind}/{rid}} shows one. Each read goes through the kind's {@link RecordKeeper},
 * as {@code GET /api/participants/{id}/<kind>} does, under the same read action: the same site scoping
 * (another site's case is 404), the same redaction and the same audit. One method per kind, since each kind is
 * read under an action of its own.
 */
@Hidden
@Path("/cases/{id}/records")
@Produces(MediaType.TEXT_HTML)
public class RecordPages {
    private final Map<RecordPageKind, RecordKeeper<?, ?>> keepers;
    private final ObjectMapper json;

    /** The keepers the API's record resources use, one per kind. */
    public RecordPages(Map<RecordPageKind, RecordKeeper<?, ?>> keepers, ObjectMapper json) {
        this.keepers = new EnumMap<>(keepers);
        if (this.keepers.size() != RecordPageKind.values().length) {
            throw new IllegalArgumentException("a keeper for every kind of record, not only " + keepers.keySet());
        }
        this.json = json;
    }

    @GET
    @Path("/sessions")
    @Requires(Action.SESSION_READ)
    public Page sessions(@PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.SESSIONS, id, caller, request);
    }

    @GET
    @Path("/sessions/{rid}")
    @Requires(Action.SESSION_READ)
    public Page session(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.SESSIONS, id, rid, caller, request);
    }

    @GET
    @Path("/assessments")
    @Requires(Action.ASSESSMENT_READ)
    public Page assessments(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.ASSESSMENTS, id, caller, request);
    }

    @GET
    @Path("/assessments/{rid}")
    @Requires(Action.ASSESSMENT_READ)
    public Page assessment(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.ASSESSMENTS, id, rid, caller, request);
    }

    @GET
    @Path("/service-referrals")
    @Requires(Action.SERVICE_REFERRAL_READ)
    public Page serviceReferrals(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.SERVICE_REFERRALS, id, caller, request);
    }

    @GET
    @Path("/service-referrals/{rid}")
    @Requires(Action.SERVICE_REFERRAL_READ)
    public Page serviceReferral(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.SERVICE_REFERRALS, id, rid, caller, request);
    }

    @GET
    @Path("/risk-plan-actions")
    @Requires(Action.PLAN_ACTION_READ)
    public Page planActions(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.PLAN_ACTIONS, id, caller, request);
    }

    @GET
    @Path("/risk-plan-actions/{rid}")
    @Requires(Action.PLAN_ACTION_READ)
    public Page planAction(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.PLAN_ACTIONS, id, rid, caller, request);
    }

    @GET
    @Path("/legal-measures")
    @Requires(Action.LEGAL_MEASURE_READ)
    public Page legalMeasures(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.LEGAL_MEASURES, id, caller, request);
    }

    @GET
    @Path("/legal-measures/{rid}")
    @Requires(Action.LEGAL_MEASURE_READ)
    public Page legalMeasure(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.LEGAL_MEASURES, id, rid, caller, request);
    }

    @GET
    @Path("/victim-safety")
    @Requires(Action.VICTIM_SAFETY_READ)
    public Page victimSafetyConcerns(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.VICTIM_SAFETY, id, caller, request);
    }

    @GET
    @Path("/victim-safety/{rid}")
    @Requires(Action.VICTIM_SAFETY_READ)
    public Page victimSafetyConcern(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.VICTIM_SAFETY, id, rid, caller, request);
    }

    @GET
    @Path("/desistance-reviews")
    @Requires(Action.DESISTANCE_REVIEW_READ)
    public Page desistanceReviews(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.DESISTANCE_REVIEWS, id, caller, request);
    }

    @GET
    @Path("/desistance-reviews/{rid}")
    @Requires(Action.DESISTANCE_REVIEW_READ)
    public Page desistanceReview(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.DESISTANCE_REVIEWS, id, rid, caller, request);
    }

    @GET
    @Path("/incidents")
    @Requires(Action.INCIDENT_READ)
    public Page incidents(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return list(RecordPageKind.INCIDENTS, id, caller, request);
    }

    @GET
    @Path("/incidents/{rid}")
    @Requires(Action.INCIDENT_READ)
    public Page incident(
            @PathParam("id") String id,
            @PathParam("rid") String rid,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return one(RecordPageKind.INCIDENTS, id, rid, caller, request);
    }

    private Page one(RecordPageKind kind, String caseId, String rid, Caller caller, ContainerRequestContext request) {
        CaseRecord seen = keepers.get(kind).read(caller, caseId, rid);
        return RecordPage.of(Screens.viewer(request), caller.user(), caseId, kind, seen, json);
    }

    private Page list(RecordPageKind kind, String caseId, Caller caller, ContainerRequestContext request) {
        var seen = keepers.get(kind).list(caller, caseId, null, null, new PageRequest(Paging.MAX_LIMIT, 0));
        return RecordListPage.of(Screens.viewer(request), caller.user(), caseId, kind, seen, Paging.MAX_LIMIT, json);
    }
}
