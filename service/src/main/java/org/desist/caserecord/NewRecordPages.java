package org.desist.caserecord;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.desist.auth.Caller;
import org.desist.participant.ParticipantService;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The form that creates a record of one kind on a case, as the kind's API creates it: the form read as the API's
 * body, {@link RecordKeeper#create}, then back to the case. A kind's page class gives it its path and its right.
 */
public final class NewRecordPages<V extends CaseRecord, N> {
    private final RecordKeeper<V, N> keeper;
    private final ParticipantService participants;
    private final FormBinding forms;
    private final Class<N> bodyType;
    private final String template;
    private final String title;
    private final String records;

    /** {@code records}: the kind's part of the case's address ({@code assessments} in /cases/{id}/assessments/new). */
    public NewRecordPages(
            RecordKeeper<V, N> keeper,
            ParticipantService participants,
            FormBinding forms,
            Class<N> bodyType,
            String template,
            String title,
            String records) {
        this.keeper = keeper;
        this.participants = participants;
        this.forms = forms;
        this.bodyType = bodyType;
        this.template = template;
        this.title = title;
        this.records = records;
    }

    public Page show(String participantId, Caller caller, ContainerRequestContext request) {
        return CaseRecordFormPage.of(
                template,
                request,
                title,
                participants.read(caller, participantId),
                CaseRecordFormPage.caseAddress(participantId) + "/" + records + "/new");
    }

    public Response save(
            String participantId, MultivaluedMap<String, String> form, Caller caller, ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    keeper.create(caller, participantId, forms.read(form, bodyType));
                    return Screens.seeOther(CaseRecordFormPage.caseAddress(participantId));
                },
                problem -> show(participantId, caller, request).refused(form, problem));
    }
}
