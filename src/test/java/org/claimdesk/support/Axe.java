package org.claimdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * axe-core (the npm package, from its webjar on the test classpath: no CDN) run inside a page against the WCAG 2.1 A
 * and AA rules.
 */
public final class Axe {

    /** The rule tags we hold every page to. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(r => done({ passed: r.passes.length, violations: r.violations.map(v => ({ id: v.id,
                   impact: v.impact || 'minor', help: v.help, count: v.nodes.length,
                   targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')
                     .replace(/\\s+/g, ' ').slice(0, 300)) })) }))
              .catch(e => done({ passed: 0, violations: [{ id: 'axe-error', impact: 'critical', help: String(e),
                   targets: [], count: 1 }] }));
            """;

    private static String source;

    private Axe() {
    }

    /** One rule broken on a page, with up to five of the elements that break it. */
    public record Violation(String id, String impact, String help, List<String> targets, long count) {

        /** Serious and critical violations fail the test; moderate and minor ones are reported. */
        public boolean blocking() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + id + " (" + count + "×): " + help + "\n      " + String.join("\n      ", targets);
        }
    }

    /** What axe-core found on one page: how many rules passed, and the violations. */
    public record Result(long passed, List<Violation> violations) {

        public List<Violation> blocking() {
            return violations.stream().filter(Violation::blocking).toList();
        }

        @Override
        public String toString() {
            return passed + " rules pass, " + (violations.isEmpty() ? "no violations" : violations.size()
                    + " violated:\n    " + String.join("\n    ", violations.stream().map(Violation::toString).toList()));
        }
    }

    /** Injects axe-core into the browser's current page (once per page) and runs the WCAG 2.1 A and AA rules. */
    @SuppressWarnings("unchecked")
    static Result run(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(source());
        }
        Map<String, Object> found = (Map<String, Object>) browser.asyncScript(RUN, WCAG_21_AA);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) found.get("violations");
        return new Result(((Number) found.get("passed")).longValue(), violations.stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("targets"), ((Number) v.get("count")).longValue()))
                .toList());
    }

    private static synchronized String source() {
        if (source == null) {
            String version = version();
            String path = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test classpath: " + path);
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static String version() {
        try (InputStream in = Axe.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core's webjar (org.webjars.npm:axe-core) is missing", e);
        }
    }
}
