package org.desist.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.desist.listing.PageRequest;

/**
 * One page of a search by POST /participants/search. The next page is asked for with the same body and
 * {@code offset} set to {@code nextOffset}: no address to follow, since an address would carry the terms.
 */
public record ParticipantsFound(
        List<Participant> items,

        @Schema(
                description = "The offset of the next page, to send with the same terms; null on the last page",
                nullable = true,
                example = "50")
        Integer nextOffset) {

    /** From rows fetched with {@code limit + 1}: the extra row only says that more exist. */
    static ParticipantsFound of(List<Participant> rows, PageRequest page) {
        if (rows.size() <= page.limit()) {
            return new ParticipantsFound(rows, null);
        }
        return new ParticipantsFound(List.copyOf(rows.subList(0, page.limit())), page.offset() + page.limit());
    }
}
