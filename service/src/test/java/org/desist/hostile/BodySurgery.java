package org.desist.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Cutting into a valid JSON body: its fields by path, one replaced by a raw literal or removed. */
final class BodySurgery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Replaced, with its quotes, by a raw JSON literal after serialising: numbers Jackson would not write. */
    static final String RAW = "@@raw-7f3a@@";

    private BodySurgery() {}

    static ObjectNode bodyOf(HostileRequest base) {
        try {
            return (ObjectNode) JSON.readTree(base.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void collect(JsonNode node, List<String> path, List<List<String>> into) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                List<String> field = new ArrayList<>(path);
                field.add(name);
                into.add(field);
                collect(object.get(name), field, into);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                List<String> element = new ArrayList<>(path);
                element.add(Integer.toString(i));
                into.add(element);
                collect(array.get(i), element, into);
            }
        }
    }

    static JsonNode at(JsonNode node, List<String> path) {
        for (String step : path) {
            node = node.isArray() ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        return node;
    }

    /** The body as JSON text with the field at the path set to a raw JSON literal. */
    static String replaced(ObjectNode body, List<String> field, String literal) {
        ObjectNode copy = body.deepCopy();
        ContainerNode<?> parent = (ContainerNode<?>) at(copy, field.subList(0, field.size() - 1));
        String last = field.get(field.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), NODES.textNode(RAW));
        } else {
            ((ObjectNode) parent).put(last, RAW);
        }
        return write(copy).replace("\"" + RAW + "\"", literal);
    }

    static ObjectNode removed(ObjectNode body, List<String> field) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = at(copy, field.subList(0, field.size() - 1));
        String last = field.get(field.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return copy;
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        return write(NODES.textNode(text));
    }
}
