package org.desist.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: logged in full under an incident id; the client sees only that id. */
public class ServerErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}", incident, exception);
        return Problems.response(new Problem("about:blank", "Internal Server Error", 500,
                "The service could not complete the request; quote incident " + incident, List.of(), incident));
    }
}
