package org.desist.caserecord;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.participant.Participant;
import org.desist.time.ProgrammeClock;
import org.desist.web.FormBinding;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * A form that writes a record on a case: headed by the case's name and reference (as the service returned them
 * to this viewer), posted to {@code action}, and, when it changes an existing record, that record as read.
 */
public class CaseRecordFormPage extends Page {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final Participant participant;
    private final String action;
    private final Object record;
    private final String about;

    private CaseRecordFormPage(
            String template,
            ContainerRequestContext request,
            String title,
            Participant participant,
            String action,
            Object record,
            String about) {
        super("records/forms/" + template, Screens.viewer(request), title);
        this.participant = participant;
        this.action = action;
        this.record = record;
        this.about = about;
    }

    public static CaseRecordFormPage of(
            String template, ContainerRequestContext request, String title, Participant participant, String action) {
        return new CaseRecordFormPage(template, request, title, participant, action, null, null);
    }

    /** A form that changes {@code record}, an existing record of the case, described in words by {@code about}. */
    public static CaseRecordFormPage changing(
            String template,
            ContainerRequestContext request,
            String title,
            Participant participant,
            String action,
            Object record,
            String about) {
        return new CaseRecordFormPage(template, request, title, participant, action, record, about);
    }

    /** A day and time as London reads it: 2 March 2026 at 10:00. */
    public static String londonTime(Instant at) {
        return WHEN.format(at.atZone(ProgrammeClock.ZONE));
    }

    /** An enum constant in words: did_not_attend is "did not attend". */
    public static String words(Enum<?> constant) {
        return constant == null ? "" : constant.name().replace('_', ' ');
    }

    /** Where the case is shown: every form goes back there once it has saved. */
    public static String caseAddress(String participantId) {
        return "/cases/" + participantId;
    }

    /**
     * The form with a date and time typed as London wall-clock time ({@code 2026-03-02 10:00}) rewritten as the
     * instant the API's body carries. Anything else is refused in the form's own terms: the API's reason would ask
     * for an ISO-8601 instant, which nobody types.
     */
    public static MultivaluedMap<String, String> withInstant(MultivaluedMap<String, String> form, String field) {
        MultivaluedMap<String, String> body = new MultivaluedHashMap<>(form);
        String typed = form.getFirst(field);
        if (typed != null && !typed.isBlank()) {
            try {
                LocalDateTime local = LocalDateTime.parse(typed.strip().replace(' ', 'T'));
                body.put(
                        field,
                        List.of(local.atZone(ProgrammeClock.ZONE).toInstant().toString()));
            } catch (DateTimeParseException e) {
                throw new FormBinding.FormRejected(List.of(new FieldError(
                        field, "must be a date and time in London, yyyy-mm-dd hh:mm, like 2026-03-02 10:00")));
            }
        }
        return body;
    }

    /** The form without the inputs that are not part of the API's body (a version read, carried for If-Match). */
    public static MultivaluedMap<String, String> without(MultivaluedMap<String, String> form, String... inputs) {
        MultivaluedMap<String, String> body = new MultivaluedHashMap<>(form);
        for (String input : inputs) {
            body.remove(input);
        }
        return body;
    }

    /** A refusal with its detail put in the form's words (a 412 says the record changed since it was opened). */
    public static Problem reworded(Problem problem, String detail) {
        return new Problem(
                problem.type(), problem.title(), problem.status(), detail, problem.errors(), problem.incidentId());
    }

    public String getCaseId() {
        return participant.id();
    }

    public String getCaseName() {
        return participant.givenName() + " " + participant.familyName();
    }

    public String getCaseRef() {
        return participant.caseRef();
    }

    public String getCasePath() {
        return caseAddress(participant.id());
    }

    public String getAction() {
        return action;
    }

    public Object getRecord() {
        return record;
    }

    public String getAbout() {
        return about;
    }
}
