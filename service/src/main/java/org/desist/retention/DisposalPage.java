package org.desist.retention;

import java.util.List;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The confirmation before a disposal: what the case is, and plainly that disposing of it erases it for good. */
public final class DisposalPage extends Page {
    private final RetentionReviewPage.Row row;

    DisposalPage(Viewer viewer, ReviewItem item, List<LegalHold> holds) {
        super("retention/dispose.ftlh", viewer, "Dispose of case " + item.caseReference());
        this.row = RetentionReviewPage.row(item, holds);
    }

    public RetentionReviewPage.Row getRow() {
        return row;
    }
}
