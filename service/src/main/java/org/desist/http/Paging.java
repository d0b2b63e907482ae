package org.desist.http;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.desist.listing.PageRequest;

/** The paging parameters every list takes. */
public class Paging {
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Items per page (1-500)")
    private int limit = 50;

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(0)
    @Max(Integer.MAX_VALUE - MAX_LIMIT - 1)
    @Parameter(description = "Items to skip; follow `next` rather than computing it")
    private int offset;

    public Paging() {}

    public Paging(int limit, int offset) {
        this.limit = limit;
        this.offset = offset;
    }

    public int getLimit() {
        return limit;
    }

    public int getOffset() {
        return offset;
    }

    /** Rows to fetch: one more than a page, to learn whether another page follows. */
    @io.swagger.v3.oas.annotations.Hidden
    public int fetch() {
        return request().fetch();
    }

    /** The page asked for, as the domain's request, for services. */
    @io.swagger.v3.oas.annotations.Hidden
    public PageRequest request() {
        return new PageRequest(limit, offset);
    }
}
