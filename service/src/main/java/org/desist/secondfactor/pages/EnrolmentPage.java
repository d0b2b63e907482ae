package org.desist.secondfactor.pages;

import org.desist.web.Page;
import org.desist.web.Viewer;

/** One's authenticator app: how to set it up, or (once set up) the form to change it. */
public final class EnrolmentPage extends Page {
    private final boolean enrolled;
    private final boolean required;

    EnrolmentPage(Viewer viewer, boolean enrolled, boolean required) {
        super(
                "secondfactor/enrolment.ftlh",
                viewer,
                enrolled ? "Your authenticator app" : "Set up an authenticator app");
        this.enrolled = enrolled;
        this.required = required;
    }

    public boolean isEnrolled() {
        return enrolled;
    }

    public boolean isRequired() {
        return required;
    }
}
