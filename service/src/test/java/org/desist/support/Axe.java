package org.desist.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm, installed by .ci/run into .ci/node) run in the page: WCAG 2.x A and AA rules, 2.2 included.
 * Without the file the check is skipped, unless DESIST_REQUIRE_BROWSER is set, when that is a failure.
 */
final class Axe {
    private static final Path INSTALLED = Path.of(".ci", "node", "node_modules", "axe-core", "axe.min.js");
    static final Path SCRIPT = script();

    private Axe() {}

    /**
     * DESIST_AXE_JS (as .ci/run sets it, absolute), else .ci/node's copy in the repository: the tests run in
     * service/ under Maven (mvn verify from the root, surefire:test -pl service), in the root from some IDEs.
     */
    private static Path script() {
        String named = System.getenv("DESIST_AXE_JS");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        for (Path root : List.of(Path.of(".."), Path.of("."))) {
            if (Files.isRegularFile(root.resolve("config.yml")) && Files.isDirectory(root.resolve(".ci"))) {
                return root.resolve(INSTALLED).toAbsolutePath().normalize();
            }
        }
        return Path.of("..").resolve(INSTALLED).toAbsolutePath().normalize();
    }

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        if (!Files.isReadable(SCRIPT)) {
            if (System.getenv("DESIST_REQUIRE_BROWSER") != null) {
                throw new AssertionError(
                        "axe-core is not at " + SCRIPT.toAbsolutePath() + ": npm ci --prefix .ci/node");
            }
            Assumptions.assumeTrue(false, "axe-core is not installed: accessibility check skipped");
        }
        String axe;
        try {
            axe = Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22aa']}}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))).catch(e => done([{id: 'axe-error',"
                + " impact: 'critical', help: String(e), nodes: []}]));");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            Object impact = violation.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(violation.get("id") + " (" + impact + "): " + violation.get("help") + " at "
                        + violation.get("nodes"));
            }
        }
        return serious;
    }
}
