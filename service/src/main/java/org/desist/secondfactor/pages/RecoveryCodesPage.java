package org.desist.secondfactor.pages;

import java.util.List;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The ten recovery codes, on the answer to the confirmation alone: the service keeps only their hashes. */
public final class RecoveryCodesPage extends Page {
    private final List<String> codes;
    private final String next;

    RecoveryCodesPage(Viewer viewer, List<String> codes, String next) {
        super("secondfactor/recovery-codes.ftlh", viewer, "Your recovery codes");
        this.codes = List.copyOf(codes);
        this.next = next;
    }

    public List<String> getCodes() {
        return codes;
    }

    public String getNext() {
        return next;
    }
}
