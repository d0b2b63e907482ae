package org.desist.summary;

import java.time.LocalDate;
import java.util.List;

/** A summary laid out for print: what the PDF says about itself, and the lines of its body. */
record SummaryDocument(SummaryPdf.Cover cover, List<SummaryLine> lines, String caseRef, LocalDate asOf) {

    static SummaryDocument of(
            Audience audience,
            Generated generated,
            CaseIdentity identity,
            String subjectPurpose,
            List<SummaryLine> lines) {
        String subtitle = identity.givenName() + " " + identity.familyName() + " \u00b7 born "
                + Wording.date(identity.dateOfBirth()) + " \u00b7 " + identity.caseRef() + " \u00b7 as of "
                + Wording.date(generated.asOf());
        SummaryPdf.Cover cover = new SummaryPdf.Cover(
                audience.name() + "-summary",
                identity.caseRef(),
                subtitle,
                Wording.generated(generated),
                audience.title() + " \u2014 " + identity.caseRef(),
                audience.title() + " of case " + identity.caseRef() + " " + subjectPurpose);
        return new SummaryDocument(cover, lines, identity.caseRef(), generated.asOf());
    }
}
