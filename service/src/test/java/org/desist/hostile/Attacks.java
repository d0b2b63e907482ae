package org.desist.hostile;

import static org.desist.hostile.BodySurgery.RAW;
import static org.desist.hostile.BodySurgery.at;
import static org.desist.hostile.BodySurgery.bodyOf;
import static org.desist.hostile.BodySurgery.collect;
import static org.desist.hostile.BodySurgery.quote;
import static org.desist.hostile.BodySurgery.removed;
import static org.desist.hostile.BodySurgery.replaced;
import static org.desist.hostile.BodySurgery.tree;
import static org.desist.hostile.BodySurgery.write;
import static org.desist.hostile.HostileValues.ACCEPTS;
import static org.desist.hostile.HostileValues.CONTENT_TYPES;
import static org.desist.hostile.HostileValues.DATES;
import static org.desist.hostile.HostileValues.DEEP_ARRAYS;
import static org.desist.hostile.HostileValues.HUGE;
import static org.desist.hostile.HostileValues.IF_MATCH;
import static org.desist.hostile.HostileValues.INSTANTS;
import static org.desist.hostile.HostileValues.JUNK_IDS;
import static org.desist.hostile.HostileValues.NOT_JSON;
import static org.desist.hostile.HostileValues.NUMBERS;
import static org.desist.hostile.HostileValues.STRINGS;
import static org.desist.hostile.HostileValues.WRONG_TYPES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.desist.hostile.ApiOperations.Operation;
import org.desist.hostile.ApiOperations.Param;
import org.desist.http.BodyLimit;
import org.desist.support.Staff;

/**
 * The hostile requests, as jqwik arbitraries: for an operation, a valid request (real ids, a valid body,
 * the current If-Match) with one thing made wrong — a body field of the wrong type, missing or extra,
 * a hostile string, number or date in it, a body that is not JSON or is nested 10,000 deep or is over the
 * size limit, a junk id in the path, a bad query parameter, an odd header, or a method the path does not
 * serve. The kinds that apply to an operation are equally likely; HostileInputTest checks each came up.
 */
final class Attacks {
    private final HostileCase target;
    private final ApiOperations operations;
    private final String authorization;

    Attacks(HostileCase target, ApiOperations operations) {
        this.target = target;
        this.operations = operations;
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((HostileCase.USER + ":" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Every kind of attack that applies to the operation, each equally likely. */
    Arbitrary<HostileRequest> on(Operation operation) {
        List<Arbitrary<HostileRequest>> kinds = new ArrayList<>();
        HostileRequest base = valid(operation);
        if (operation.bodySchema().isPresent()) {
            kinds.add(wrongType(base));
            kinds.add(missingOrExtra(base));
            kinds.add(hostileStrings(base));
            kinds.add(numbers(base));
            kinds.add(dates(base));
            kinds.add(notJson(base));
            kinds.add(badBytes(base));
            kinds.add(contentTypes(base));
        }
        if (!operation.in("path").isEmpty()) {
            kinds.add(junkIds(base));
        }
        if (!operation.in("query").isEmpty()) {
            kinds.add(badQuery(base));
        }
        kinds.add(oddQuery(base));
        kinds.add(oddHeaders(base));
        kinds.add(wrongMethods(base));
        return Arbitraries.oneOf(kinds);
    }

    /** The request as a careful client would send it. */
    HostileRequest valid(Operation operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        if (operation.takesIfMatch()) {
            headers.put("If-Match", HostileRequest.IF_MATCH_CURRENT);
        }
        if (operation.in("header").stream().anyMatch(param -> param.name().equals("Change-Reason"))) {
            headers.put("Change-Reason", "Corrected%20at%20review");
        }
        StringBuilder query = new StringBuilder();
        for (Param param : operation.in("query")) {
            if (param.name().equals("audience")) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append("audience=")
                        .append(param.enumValues().get(0));
            }
        }
        HostileRequest request = new HostileRequest(
                operation, "valid", operation.method(), target.realPath(operation.template()) + query, headers, null);
        return operation.bodySchema().isPresent()
                ? request.withBody(write(tree(target.validBody(operation))))
                : request;
    }

    /**
     * Not random: every field of the operation's body (nested ones and those the valid body leaves out
     * too) once with a value of another JSON type, and every field the valid body holds once left out.
     */
    List<HostileRequest> everyFieldWrong(Operation operation) {
        if (operation.bodySchema().isEmpty()) {
            return List.of();
        }
        HostileRequest base = valid(operation);
        ObjectNode body = bodyOf(base);
        List<HostileRequest> requests = new ArrayList<>();
        for (List<String> field : fields(body, operation)) {
            requests.add(base.as("wrong JSON type").withBody(replaced(body, field, otherType(at(body, field)))));
            if (!at(body, field).isMissingNode()) {
                requests.add(base.as("missing field").withBody(write(removed(body, field))));
            }
        }
        return requests;
    }

    /** A value of a JSON type other than the one the field holds (a string for a field the valid body leaves out). */
    private static String otherType(JsonNode value) {
        if (value.isTextual()) {
            return "42";
        }
        if (value.isNumber()) {
            return "\"42\"";
        }
        if (value.isBoolean()) {
            return "\"true\"";
        }
        if (value.isArray()) {
            return "{\"0\": \"x\"}";
        }
        if (value.isObject()) {
            return "[{}]";
        }
        return "[\"not a scalar\"]";
    }

    // ---------------------------------------------------------------- the body

    private Arbitrary<HostileRequest> wrongType(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        List<List<String>> fields = fields(body, base.operation());
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.of(WRONG_TYPES))
                .as((field, value) -> base.as("wrong JSON type").withBody(replaced(body, field, value)));
    }

    private Arbitrary<HostileRequest> missingOrExtra(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        List<List<String>> present = new ArrayList<>();
        collect(body, new ArrayList<>(), present);
        Arbitrary<HostileRequest> missing =
                Arbitraries.of(present).map(field -> base.as("missing field").withBody(write(removed(body, field))));
        List<List<String>> objects = new ArrayList<>(List.of(List.of()));
        present.stream().filter(field -> at(body, field) instanceof ObjectNode).forEach(objects::add);
        Arbitrary<HostileRequest> extra = Combinators.combine(
                        Arbitraries.of(objects),
                        Arbitraries.of(
                                "unexpected",
                                "id",
                                "version",
                                "createdAt",
                                "participantId",
                                "siteCode",
                                "role",
                                "__proto__",
                                "",
                                "@type",
                                "status",
                                "enteredInError"),
                        Arbitraries.of(WRONG_TYPES))
                .as((object, name, value) -> {
                    List<String> field = new ArrayList<>(object);
                    field.add(name);
                    return base.as("extra field").withBody(replaced(body, field, value));
                });
        Arbitrary<HostileRequest> nulls =
                Arbitraries.of(present).map(field -> base.as("null field").withBody(replaced(body, field, "null")));
        return Arbitraries.oneOf(missing, extra, nulls);
    }

    private Arbitrary<HostileRequest> hostileStrings(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        List<List<String>> fields = fields(body, base.operation());
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.of(STRINGS),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(10));
        return Combinators.combine(Arbitraries.of(fields), strings)
                .as((field, text) -> base.as("hostile string").withBody(replaced(body, field, quote(text))));
    }

    private Arbitrary<HostileRequest> numbers(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        List<List<String>> fields = fields(body, base.operation());
        List<List<String>> numeric = fields.stream()
                .filter(field -> {
                    String type = operations
                            .fieldSchema(base.operation().bodySchema().orElseThrow(), field)
                            .path("type")
                            .asText();
                    return type.equals("integer") || type.equals("number");
                })
                .toList();
        return Combinators.combine(Arbitraries.of(numeric.isEmpty() ? fields : numeric), Arbitraries.of(NUMBERS))
                .as((field, number) -> base.as("number").withBody(replaced(body, field, number)));
    }

    private Arbitrary<HostileRequest> dates(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        String component = base.operation().bodySchema().orElseThrow();
        List<List<String>> fields = fields(body, base.operation());
        List<List<String>> dated = fields.stream()
                .filter(field -> operations
                        .fieldSchema(component, field)
                        .path("format")
                        .asText()
                        .startsWith("date"))
                .toList();
        return Combinators.combine(
                        Arbitraries.of(dated.isEmpty() ? fields : dated),
                        Arbitraries.oneOf(Arbitraries.of(DATES), Arbitraries.of(INSTANTS)))
                .as((field, date) -> base.as("date").withBody(replaced(body, field, quote(date))));
    }

    private Arbitrary<HostileRequest> notJson(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        List<List<String>> fields = fields(body, base.operation());
        Arbitrary<HostileRequest> whole =
                Arbitraries.of(NOT_JSON).map(text -> base.as("not JSON").withBody(text));
        Arbitrary<HostileRequest> deepField =
                Arbitraries.of(fields).map(field -> base.as("deep JSON").withBody(replaced(body, field, DEEP_ARRAYS)));
        int over = (int) BodyLimit.MAX_BYTES;
        Arbitrary<HostileRequest> huge = Combinators.combine(
                        Arbitraries.of(fields), Arbitraries.of(HUGE.length(), over - 200, over + 1, over + 100_000))
                .as((field, length) -> base.as("huge body").withBody(replaced(body, field, quote("z".repeat(length)))));
        return Arbitraries.oneOf(whole, deepField, huge);
    }

    /** Bytes that are not UTF-8 inside a string, and bodies in encodings other than the one declared. */
    private Arbitrary<HostileRequest> badBytes(HostileRequest base) {
        ObjectNode body = bodyOf(base);
        List<List<String>> fields = fields(body, base.operation());
        List<byte[]> junk = List.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xFE, (byte) 0xFF},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {0x00},
                new byte[] {(byte) 0x80, (byte) 0x81, (byte) 0x82});
        Arbitrary<HostileRequest> inString = Combinators.combine(Arbitraries.of(fields), Arbitraries.of(junk))
                .as((field, bytes) -> {
                    String json = replaced(body, field, quote("before" + RAW + "after"));
                    int at = json.indexOf(RAW);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bytes);
                    out.writeBytes(json.substring(at + RAW.length()).getBytes(StandardCharsets.UTF_8));
                    return base.as("invalid UTF-8").withBody(out.toByteArray());
                });
        Arbitrary<HostileRequest> encoded = Arbitraries.of("UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1")
                .map(charset -> base.as("other encoding")
                        .withBody(write(body).getBytes(java.nio.charset.Charset.forName(charset))));
        Arbitrary<HostileRequest> random = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(200)
                .map(bytes -> base.as("random bytes").withBody(bytes));
        return Arbitraries.oneOf(inString, encoded, random);
    }

    private Arbitrary<HostileRequest> contentTypes(HostileRequest base) {
        Arbitrary<HostileRequest> wrong = Arbitraries.of(CONTENT_TYPES)
                .map(type -> base.as("wrong Content-Type").withHeader("Content-Type", type));
        Arbitrary<HostileRequest> none =
                Arbitraries.just(base.as("no Content-Type").withHeader("Content-Type", null));
        Arbitrary<HostileRequest> noBody = Arbitraries.just(
                new HostileRequest(base.operation(), "no body", base.method(), base.target(), base.headers(), null)
                        .withHeader("Content-Type", "application/json"));
        return Arbitraries.oneOf(wrong, none, noBody);
    }

    // ---------------------------------------------------------------- the address

    private Arbitrary<HostileRequest> junkIds(HostileRequest base) {
        List<Param> params = base.operation().in("path");
        return Combinators.combine(
                        Arbitraries.of(params),
                        Arbitraries.oneOf(
                                Arbitraries.of(JUNK_IDS),
                                Arbitraries.strings()
                                        .all()
                                        .ofMinLength(1)
                                        .ofMaxLength(30)
                                        .map(Attacks::encode)))
                .as((param, junk) -> {
                    String path = target.realPath(base.operation().template(), Map.of(param.name(), junk));
                    return base.as("junk id").withTarget(path + query(base.target()));
                });
    }

    private Arbitrary<HostileRequest> badQuery(HostileRequest base) {
        List<Param> params = base.operation().in("query");
        return Combinators.combine(
                        Arbitraries.of(params), Arbitraries.integers().between(0, 1000))
                .as((param, pick) -> {
                    List<String> values = badValues(param);
                    String value = values.get(pick % values.size());
                    List<String> pairs = new ArrayList<>();
                    for (String pair :
                            query(base.target()).replaceFirst("^\\?", "").split("&")) {
                        if (!pair.isEmpty() && !pair.startsWith(param.name() + "=")) {
                            pairs.add(pair);
                        }
                    }
                    pairs.add(param.name() + "=" + value);
                    return base.as("bad query parameter")
                            .withTarget(path(base.target()) + "?" + String.join("&", pairs));
                });
    }

    private static List<String> badValues(Param param) {
        List<String> values = new ArrayList<>(List.of(
                "",
                "%00",
                "%27%20OR%201%3D1%20--",
                "%24P%7Bx%7D",
                "x".repeat(5000),
                "%FF",
                "%C3%28",
                "a%26b%3Dc",
                "[]",
                "%7B%7D",
                "null"));
        if (param.isInteger()) {
            values.addAll(List.of(
                    "-1",
                    "0",
                    "1",
                    "501",
                    "500",
                    "-2147483648",
                    "2147483647",
                    "2147483648",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "1e3",
                    "1.5",
                    "0x10",
                    "+5",
                    " 5",
                    "5%20",
                    "1" + "0".repeat(400),
                    "NaN"));
        }
        if (param.isDate()) {
            DATES.forEach(date -> values.add(encode(date)));
        }
        if (!param.enumValues().isEmpty()) {
            String first = param.enumValues().get(0);
            values.addAll(List.of(
                    first.toUpperCase(java.util.Locale.ROOT),
                    first + "%20",
                    "%20" + first,
                    first + "x",
                    first + "," + first,
                    "0",
                    "-1"));
        }
        if (param.name().equals("unsuppressed")) {
            values.addAll(List.of("true", "false", "1", "yes", "TRUE"));
        }
        return values;
    }

    /** Query parameters nobody asked for, repeated, or in a form Jetty has to untangle. */
    private Arbitrary<HostileRequest> oddQuery(HostileRequest base) {
        List<String> extras = List.of(
                "unknown=1",
                "limit=1&limit=2",
                "from=2026-01-01&from=2027-01-01",
                "from=2026-12-31&to=2026-01-01",
                "from=9999-12-31&to=9999-12-31",
                "from=+999999999-12-31",
                "to=+999999999-12-31",
                "from=-999999999-01-01",
                "to=-999999999-01-01",
                "from=0001-01-01&to=9999-12-31",
                "offset=2147483147&limit=500",
                "offset=2147483146&limit=500",
                "offset=2147483647",
                "limit=500&offset=0",
                "access_token=x",
                "%zz=1",
                "a=%zz",
                "=",
                "&&&",
                "a[b]=c",
                "q=" + "q".repeat(6000),
                "q=%00%01%02",
                "type=session&type=nonsense",
                "audience=probation&audience=cps",
                "audience=",
                "reason=",
                "reason=" + "r".repeat(3000),
                "before=-1",
                "before=9223372036854775807",
                "before=0",
                "username=%27",
                "participantId=%00",
                "state=referred&state=withdrawn",
                "status=reviewed",
                "siteCode=" + "S".repeat(300));
        return Arbitraries.of(extras).map(extra -> {
            String query = query(base.target());
            return base.as("odd query").withTarget(path(base.target()) + (query.isEmpty() ? "?" : query + "&") + extra);
        });
    }

    // ---------------------------------------------------------------- headers and methods

    private Arbitrary<HostileRequest> oddHeaders(HostileRequest base) {
        Arbitrary<HostileRequest> ifMatch =
                Arbitraries.of(IF_MATCH).map(value -> base.as("If-Match").withHeader("If-Match", value));
        Arbitrary<HostileRequest> accept =
                Arbitraries.of(ACCEPTS).map(value -> base.as("Accept").withHeader("Accept", value));
        Arbitrary<HostileRequest> purpose = Arbitraries.of(
                        "p".repeat(201),
                        "p".repeat(200),
                        "",
                        " ",
                        "' OR 1=1 --",
                        "$P{x}",
                        "<b>",
                        "\u00e9t\u00e9",
                        "x".repeat(7000))
                .map(value -> base.as("X-Purpose").withHeader("X-Purpose", value));
        Arbitrary<HostileRequest> other = Arbitraries.of(
                        Map.entry("Content-Encoding", "gzip"),
                        Map.entry("Content-Encoding", "deflate"),
                        Map.entry("Content-Encoding", "br"),
                        Map.entry("Content-Encoding", "nonsense"),
                        Map.entry("Accept-Encoding", "gzip;q=0, identity;q=0"),
                        Map.entry("Accept-Encoding", "nonsense"),
                        Map.entry("Accept-Charset", "utf-32"),
                        Map.entry("Accept-Language", "xx-" + "x".repeat(200)),
                        Map.entry("Range", "bytes=0-10"),
                        Map.entry("Range", "bytes=-1--1"),
                        Map.entry("If-None-Match", "*"),
                        Map.entry("If-Modified-Since", "not a date"),
                        Map.entry("If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"),
                        Map.entry("X-HTTP-Method-Override", "DELETE"),
                        Map.entry("X-Request-Id", "' OR 1=1 --"),
                        Map.entry("Cookie", "JSESSIONID=%00; a=\"b"),
                        Map.entry("Origin", "http://evil.example"),
                        Map.entry("X-Forwarded-For", "' OR 1=1 --"),
                        Map.entry("X-Forwarded-Proto", "gopher"),
                        Map.entry("Forwarded", "for=\"[::1"),
                        Map.entry("X-Custom", "y".repeat(4000)),
                        Map.entry("Authorization", "Basic !!!"),
                        Map.entry("Authorization", "Basic "),
                        Map.entry(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("no colon".getBytes(StandardCharsets.UTF_8))),
                        Map.entry(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(new byte[] {(byte) 0xFF, ':', (byte) 0xFE})),
                        Map.entry("Authorization", "Bearer "),
                        Map.entry("Authorization", "Bearer ' OR 1=1 --"),
                        Map.entry("Authorization", "Bearer " + "t".repeat(5000)),
                        Map.entry("Authorization", "Digest x"),
                        Map.entry("Authorization", "basic"),
                        Map.entry("Authorization", "Basic " + "QQ".repeat(3000)))
                .map(header -> base.as(header.getKey()).withHeader(header.getKey(), header.getValue()));
        return Arbitraries.oneOf(ifMatch, accept, purpose, other);
    }

    private Arbitrary<HostileRequest> wrongMethods(HostileRequest base) {
        return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO")
                .filter(method -> !method.equals(base.method()))
                .map(method -> base.as("other method").withMethod(method));
    }

    /** The body's fields (nested too, arrays by index), and the schema's top-level ones the valid body leaves out. */
    private List<List<String>> fields(ObjectNode body, Operation operation) {
        List<List<String>> fields = new ArrayList<>();
        collect(body, new ArrayList<>(), fields);
        for (String name : operations.properties(operation.bodySchema().orElseThrow())) {
            if (!body.has(name)) {
                fields.add(List.of(name));
            }
        }
        return fields;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String path(String target) {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    private static String query(String target) {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question);
    }
}
