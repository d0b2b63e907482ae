package org.desist.referral;

import java.util.List;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** One page of the referrals waiting for the daily review. */
public class ReviewQueuePage extends Page {
    private final List<Referral> waiting;
    private final int offset;
    private final int perPage;
    private final boolean more;

    /** {@code found} is the service's answer: a page and, when another follows, one more. */
    ReviewQueuePage(Viewer viewer, List<Referral> found, int offset, int perPage) {
        super("review/queue.ftlh", viewer, "Daily review");
        this.waiting = found.subList(0, Math.min(perPage, found.size()));
        this.offset = offset;
        this.perPage = perPage;
        this.more = found.size() > perPage;
    }

    public List<Referral> getWaiting() {
        return waiting;
    }

    public int getOffset() {
        return offset;
    }

    public Integer getNextOffset() {
        return more ? offset + perPage : null;
    }

    public Integer getPreviousOffset() {
        return offset > 0 ? Math.max(0, offset - perPage) : null;
    }
}
