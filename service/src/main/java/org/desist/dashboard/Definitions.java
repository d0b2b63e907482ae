package org.desist.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Each figure's definition as HTML: its section of docs/metrics.md (headed {@code ### `figure_name`}, up to the next
 * heading), the one text that defines the figures, shipped inside the jar. Markdown's raw HTML is escaped, not
 * passed through.
 */
public final class Definitions {
    static final String RESOURCE = "/docs/metrics.md";
    private static final Pattern HEADING = Pattern.compile("^### `([a-z0-9_]+)`\\s*$", Pattern.MULTILINE);
    private static final Pattern NEXT_HEADING = Pattern.compile("^#{1,3} ", Pattern.MULTILINE);

    private final Map<String, String> html;

    Definitions(String markdown) {
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            String rest = markdown.substring(heading.end());
            Matcher next = NEXT_HEADING.matcher(rest);
            String body = next.find() ? rest.substring(0, next.start()) : rest;
            sections.put(heading.group(1), renderer.render(parser.parse(body.strip())));
        }
        this.html = Map.copyOf(sections);
    }

    /** The definitions of the jar's docs/metrics.md. */
    public static Definitions load() {
        try (InputStream in = Definitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not in the jar (service/pom.xml ships it)");
            }
            return new Definitions(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The figure's definition as HTML; empty when docs/metrics.md has no section for it. */
    public Optional<String> of(String figure) {
        return Optional.ofNullable(html.get(figure));
    }
}
