package org.desist.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;

@Path("/participants/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case read models")
public class TimelineResource {
    private final Timeline timeline;

    public TimelineResource(Timeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @Requires(Action.TIMELINE_READ)
    @Operation(
            operationId = "getTimeline",
            summary = "Every dated event of the case, in time order",
            description = "Only the kinds of event the caller's role may read; no clinical free text.")
    public Page<TimelineEvent> events(
            @PathParam("id") String participantId,
            @Parameter(
                            description = "Only these kinds; repeat for more",
                            array = @ArraySchema(schema = @Schema(implementation = EventType.class)))
                    @QueryParam("type")
                    List<String> types,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        Set<EventType> kinds = EnumSet.noneOf(EventType.class);
        types.stream()
                .filter(type -> type != null && !type.isEmpty())
                .map(EventType::parameter)
                .forEach(kinds::add);
        return Page.of(
                timeline.of(caller, participantId, kinds, dates.getFrom(), dates.getTo(), paging.request()),
                paging,
                uri);
    }
}
