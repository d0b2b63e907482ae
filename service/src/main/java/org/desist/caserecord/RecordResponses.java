package org.desist.caserecord;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.http.Versions;

/** A case record answered with its version as ETag, so the next change can name it in If-Match. */
public final class RecordResponses {
    private RecordResponses() {}

    public static Response ok(CaseRecord record) {
        return Response.ok(record).tag(Versions.tag(record.version())).build();
    }

    public static Response created(CaseRecord record, UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path(record.id()).build())
                .entity(record)
                .tag(Versions.tag(record.version()))
                .build();
    }
}
