package org.desist.hostile;

import java.util.List;

/** What the hostile requests are made of: values that have broken services before, by where they go. */
final class HostileValues {
    static final String HUGE = "h".repeat(100_000);
    static final String DEEP_ARRAYS = "[".repeat(10_000) + "]".repeat(10_000);

    /** Strings that have broken services before: SQL, templates, markup, control characters, odd Unicode. */
    static final List<String> STRINGS = List.of(
            "' OR 1=1 --", "'; DROP TABLE participant; --", "\" OR \"\"=\"", "1' UNION SELECT * FROM app_user --",
            "%' --", "\\", "\\'", "$P{REPORT_CONNECTION}", "$F{familyName}", "$V{PAGE_NUMBER}", "$R{key}",
            "${jndi:ldap://example.invalid/a}", "#{7*7}", "{{7*7}}", "<b>bold</b>", "<script>alert(1)</script>",
            "&amp;", "& < > \" '", "<style isBold=\"true\">x</style>", "]]>", "<!--", "\u0000", "a\u0000b",
            "\u0001\u0002\u0007\b\f\u001b", "\t\r\n", "\u2028\u2029", "\u202Eevil", "\uFEFF", "\uFFFF", "\uD83D\uDE00",
            "\uD800", "\uDFFF", "e\u0301", "\u0130", "ß", "Ω≈ç√", "日本語", "", " ", "   \t ", "=cmd|' /C calc'!A0",
            "+SUM(1,2)", "@import", "../../etc/passwd", "%00", "%s%s%s%n", "null", "undefined", "NaN", "-0",
            "9".repeat(400), "x".repeat(4001), "y".repeat(20_001), HUGE);

    static final List<String> DATES = List.of("0001-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01",
            "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-02-29", "2024-02-29", "2026-13-01",
            "2026-00-10", "2026-1-1", "26-01-01", "2026/01/01", "01/02/2026", "2026-01-01T00:00:00Z", "2026-W05-1",
            "20260101", "", " ", "today", "1970-01-01", "2026-01-01\u0000");

    static final List<String> INSTANTS = List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
            "2026-02-30T10:00:00Z", "2026-03-02T25:00:00Z", "2026-03-02T10:00:00+25:00", "2026-03-02T10:00:00",
            "2026-03-02", "1970-01-01T00:00:00Z", "2026-03-02T10:00:00.1234567891Z", "", "now");

    /** Numbers at and past every boundary, as JSON literals. */
    static final List<String> NUMBERS = List.of("0", "-1", "1", "-0", "0.5", "1.0", "1e3", "1E400", "-1e400", "1e-400",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "1" + "0".repeat(999), "1" + "0".repeat(5000),
            "0.1" + "1".repeat(2000), "123456789012345678901234567890.5");

    /** Values of every JSON type, for fields that expect some other one. */
    static final List<String> WRONG_TYPES = List.of("null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"",
            "\"true\"", "\"1\"", "[]", "[1]", "[\"x\"]", "{}", "{\"a\":1}", "[[[]]]", "{\"\":{}}", "1e400");

    static final List<String> NOT_JSON = List.of("", " ", "null", "true", "0", "\"string\"", "[]", "[{}]", "{",
            "}", "{\"a\":", "{\"a\"}", "{'single': 'quotes'}", "{a: 1}", "{\"a\": 1,}", "{\"a\": NaN}",
            "{\"a\": Infinity}", "{\"a\": 01}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1} trailing", "/* c */ {}",
            "{\"a\": \"\\uD800\"}", "{\"a\": \"\\u0000\"}", "{\"a\": \"\\x41\"}", "\uFEFF{}", "<xml/>", "a=1&b=2",
            "{\"__proto__\": {}}", "{\"@class\": \"java.lang.Runtime\"}", "{\"a\": 1, \"a\": 2}",
            "{" + "\"k\":".repeat(1) + "\"" + "k".repeat(60_000) + "\"}", "{\"" + "k".repeat(60_000) + "\": 1}",
            DEEP_ARRAYS, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "[".repeat(10_000),
            "[" + "1,".repeat(100_000) + "1]", "{\"n\": " + "9".repeat(10_000) + "}");

    static final List<String> IF_MATCH = List.of("", " ", "*", "W/\"1\"", "\"\"", "\"0\"", "\"-1\"", "\"1",
            "1", "\"99999999999999999999\"", "\"2147483648\"", "\"1\", \"2\"", "\"1--gzip\"", "\"abc\"",
            "\"' OR 1=1 --\"", "\"" + "9".repeat(5000) + "\"", "W/", "\"\\\"\"");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
            "application/json; charset=nonsense", "application/json; charset=ISO-8859-1", "application/*",
            "*/*", "application", "application/json;;;", "application/octet-stream", "application/merge-patch+json",
            "application/problem+json", "application/vnd.api+json", "%%%", "application/json; boundary=\"");

    static final List<String> ACCEPTS = List.of("application/xml", "text/html", "text/csv", "application/pdf",
            "image/png", "*/*;q=0", "application/json;q=0", "application/problem+json", "nonsense", "*/*",
            "application/json, text/html;q=0.1", "application/*;q=2", "text/*", ";;;", "application/json; charset=utf-32",
            "x".repeat(4000));

    /** Ids that are not: encoded junk, a well-formed stranger, and nasties Jetty sees first. */
    static final List<String> JUNK_IDS = List.of("00000000-0000-0000-0000-000000000000",
            "0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90", "0", "-1", "9223372036854775808", "null", "%00", "%2e%2e",
            "..%2F..%2Fetc%2Fpasswd", "%FF%FE", "%C0%AF", "a%20b", "%27%20OR%201%3D1%20--", "%24P%7BX%7D",
            "%3Cscript%3E", "x".repeat(2000), "%E2%80%AE", "%F0%9F%98%80", "tester", "admin", "HOST", "host",
            ";x=1", "%3B", "%5C", "*", "~", "%25");

    private HostileValues() {
    }
}
