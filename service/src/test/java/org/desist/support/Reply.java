package org.desist.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** What the API answered. */
public record Reply(int status, HttpHeaders headers, String text) {

    public JsonNode json() {
        return Api.parse(text);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The field names a problem+json body blames, in order. */
    public java.util.List<String> fieldsAtFault() {
        java.util.List<String> fields = new java.util.ArrayList<>();
        json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
