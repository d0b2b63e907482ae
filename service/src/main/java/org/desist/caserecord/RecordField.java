package org.desist.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row of a record's summary list: a readable label and the value as lines of text, read from the record as
 * the API writes it (so the page shows exactly the fields, and the nulls, the API answer holds). A getter class
 * for the templates.
 */
public final class RecordField {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern CODE = Pattern.compile("[a-z]+(_[a-z]+)*");
    private static final Map<String, String> LABELS = Map.of(
            "durationMinutes", "Duration (minutes)",
            "ukReference", "Reference",
            "psychosocial_damage", "Psychosocial damage",
            "victimContactSinceLastReview", "Victim contact since the last review",
            "shareable", "Shareable with partner agencies");

    private final String label;
    private final List<String> lines;
    private final boolean withheld;

    private RecordField(String label, List<String> lines, boolean withheld) {
        this.label = label;
        this.lines = lines;
        this.withheld = withheld;
    }

    static RecordField of(String name, JsonNode value) {
        return new RecordField(label(name), lines(value), false);
    }

    static RecordField withheld(String name) {
        return new RecordField(label(name), List.of("Not shown to your role"), true);
    }

    public String getLabel() {
        return label;
    }

    public List<String> getLines() {
        return lines;
    }

    /** The service kept this field from the reader: the page says so rather than showing it empty. */
    public boolean isWithheld() {
        return withheld;
    }

    /** {@code scheduledAt} → "Scheduled at". */
    static String label(String name) {
        String known = LABELS.get(name);
        if (known != null) {
            return known;
        }
        String words =
                name.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static List<String> lines(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of("Not recorded");
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return List.of("None");
            }
            List<String> lines = new ArrayList<>();
            value.forEach(item -> lines.add(item.isObject() ? inline(item) : text(item)));
            return lines;
        }
        if (value.isObject()) {
            List<String> lines = new ArrayList<>();
            value.fields().forEachRemaining(member -> {
                if (!member.getValue().isNull()) {
                    lines.add(label(member.getKey()) + ": " + text(member.getValue()));
                }
            });
            return lines;
        }
        return List.of(text(value));
    }

    /** An item of a list (a diagnosis, a move) on one line: its fields that hold something. */
    private static String inline(JsonNode item) {
        List<String> parts = new ArrayList<>();
        item.fields().forEachRemaining(member -> {
            if (!member.getValue().isNull()) {
                parts.add(label(member.getKey()) + ": " + text(member.getValue()));
            }
        });
        return String.join("; ", parts);
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        if (value.isContainerNode()) {
            return inline(value);
        }
        String text = value.asText();
        try {
            if (INSTANT.matcher(text).matches()) {
                return MOMENT.format(Instant.parse(text).atZone(LONDON));
            }
            if (DATE.matcher(text).matches()) {
                return DAY.format(LocalDate.parse(text));
            }
        } catch (DateTimeParseException notADate) {
            return text;
        }
        if (CODE.matcher(text).matches()) {
            String words = text.replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return text;
    }
}
