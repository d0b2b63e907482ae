package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The "figures" rows of a JSON answer, looked up by figure, breakdown, group and period. */
final class FigureTable {
    private final List<JsonNode> rows = new ArrayList<>();

    FigureTable(JsonNode answer) {
        answer.get("figures").forEach(rows::add);
    }

    List<JsonNode> rows() {
        return rows;
    }

    /** The one row of a figure's total (or breakdown category, when given) over a period, for a group. */
    JsonNode row(String group, String figure, String breakdown, String start, String end) {
        List<JsonNode> found = rows.stream()
                .filter(row -> row.get("group").asText().equals(group)
                        && row.get("figure").asText().equals(figure)
                        && Objects.equals(text(row.get("breakdown")), breakdown)
                        && row.get("periodStart").asText().equals(start)
                        && row.get("periodEnd").asText().equals(end))
                .toList();
        assertThat(found)
                .as("%s %s %s %s..%s", group, figure, breakdown, start, end)
                .hasSize(1);
        return found.get(0);
    }

    /** The value as the JSON gives it: a number (without trailing zeros), "<5", or "null". */
    String value(String group, String figure, String breakdown, String start, String end) {
        JsonNode value = row(group, figure, breakdown, start, end).get("value");
        return value.isNull() ? "null" : number(value.asText());
    }

    /** A number's text without trailing zeros ("0.4000" and 0.4 are the same figure); any other text as it is. */
    static String number(String text) {
        try {
            return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    String suppressed(String group, String figure, String breakdown, String start, String end) {
        return text(row(group, figure, breakdown, start, end).get("suppressed"));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
