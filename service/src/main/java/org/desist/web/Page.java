package org.desist.web;

import io.dropwizard.views.common.View;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.http.FieldError;
import org.desist.http.Problem;

/**
 * A screen: a Freemarker template under {@code /pages} and what it shows. Every page has the viewer (for the
 * header and the forms' token) and a title; a page with a form also has the values sent and the problem that
 * refused them, shown as GOV.UK's error summary and beside each input.
 */
public class Page extends View {
    private final Viewer viewer;
    private final String title;
    private MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
    private Problem problem;

    public Page(String template, Viewer viewer, String title) {
        super("/pages/" + template, StandardCharsets.UTF_8);
        this.viewer = viewer;
        this.title = title;
    }

    /** The form as it was sent, to be shown again with the problem that refused it. */
    public Page refused(MultivaluedMap<String, String> sent, Problem refusal) {
        this.values = sent;
        this.problem = refusal;
        return this;
    }

    public Page withValues(MultivaluedMap<String, String> sent) {
        this.values = sent;
        return this;
    }

    public Viewer getViewer() {
        return viewer;
    }

    public String getTitle() {
        return problem == null ? title : "Error: " + title;
    }

    /** The first value sent for each input (checkboxes: see {@link #getChosen}). */
    public Map<String, String> getValues() {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, sent) -> first.put(name, sent.isEmpty() ? "" : sent.get(0)));
        return first;
    }

    public Map<String, List<String>> getChosen() {
        return values;
    }

    public Problem getProblem() {
        return problem;
    }

    /** Each field's reason, by the field's name; the first reason where a field has several. */
    public Map<String, String> getErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null && problem.errors() != null) {
            for (FieldError error : problem.errors()) {
                errors.putIfAbsent(error.field(), error.reason());
            }
        }
        return errors;
    }
}
