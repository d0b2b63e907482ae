package org.desist.signin;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.desist.http.Problems;

/** {@link PasswordHashingBusy} as 503 problem+json with Retry-After: a few hashes' time. */
public class PasswordHashingBusyMapper implements ExceptionMapper<PasswordHashingBusy> {
    static final int RETRY_AFTER_SECONDS = 1;

    @Override
    public Response toResponse(PasswordHashingBusy busy) {
        return Problems.withHeader(
                Problems.response(503, busy.getMessage(), List.of()),
                HttpHeaders.RETRY_AFTER,
                Integer.toString(RETRY_AFTER_SECONDS));
    }
}
