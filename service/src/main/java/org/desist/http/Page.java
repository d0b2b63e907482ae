package org.desist.http;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** One page of a list: its items, and the address of the next page when there is one. */
public record Page<T>(
        List<T> items,

        @Schema(
                description = "Address of the next page (a path under the host, with the same filters), null on the"
                        + " last page",
                nullable = true,
                example = "/api/referrals?siteCode=STAC&limit=50&offset=50")
        String next) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only says that more exist.
     */
    public static <T> Page<T> of(List<T> rows, Paging paging, UriInfo uri) {
        if (rows.size() <= paging.getLimit()) {
            return new Page<>(rows, null);
        }
        URI nextUri = uri.getRequestUriBuilder()
                .replaceQueryParam("limit", paging.getLimit())
                .replaceQueryParam("offset", paging.getOffset() + paging.getLimit())
                .build();
        return new Page<>(
                List.copyOf(rows.subList(0, paging.getLimit())), nextUri.getRawPath() + "?" + nextUri.getRawQuery());
    }
}
