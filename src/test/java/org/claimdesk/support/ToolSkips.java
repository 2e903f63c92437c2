package org.claimdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests skipped for a missing tool and says so at the end of each test run, and writes them to
 * {@code target/tool-skips/} so that the build's last line ({@link #main}, bound to {@code verify}) names every skip
 * of Surefire and Failsafe together. Registered with the JUnit Platform through META-INF/services.
 */
public final class ToolSkips implements TestExecutionListener {

    static final Path FOLDER = Path.of("target", "tool-skips");

    private final Map<Tools.Tool, Integer> skipped = new EnumMap<>(Tools.Tool.class);
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        try {
            Files.createDirectories(FOLDER);
            if ("surefire".equals(run())) {
                Files.deleteIfExists(FOLDER.resolve("failsafe.tsv")); // a new build: the last integration run is old
            }
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        tool(reason).ifPresent(tool -> skipped.merge(tool, tests(test), Integer::sum));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            result.getThrowable().map(Throwable::getMessage).flatMap(ToolSkips::tool)
                    .ifPresent(tool -> skipped.merge(tool, test.isTest() ? 1 : tests(test), Integer::sum));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        skipped.forEach((tool, count) -> lines.add(tool.name() + "\t" + count));
        try {
            Files.write(file(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[WARNING] " + summary(skipped));
    }

    private int tests(TestIdentifier container) {
        if (container.isTest()) {
            return 1;
        }
        return (int) plan.getDescendants(container).stream().filter(TestIdentifier::isTest).count();
    }

    private static java.util.Optional<Tools.Tool> tool(String reason) {
        if (reason == null || !reason.startsWith(Tools.Tool.MARK)) {
            return java.util.Optional.empty();
        }
        String name = reason.substring(Tools.Tool.MARK.length(), reason.indexOf(']'));
        return java.util.Optional.of(Tools.Tool.valueOf(name));
    }

    private static String run() {
        return System.getProperty("toolskips.run", "tests");
    }

    private static Path file() {
        return FOLDER.resolve(run() + ".tsv");
    }

    /** One line: "12 browser tests skipped: no Chromium ... found (apt-get install ...); 1 backup test skipped: ...". */
    static String summary(Map<Tools.Tool, Integer> skipped) {
        List<String> parts = new ArrayList<>();
        skipped.forEach((tool, count) -> parts.add(count + " " + tool.tests() + " test" + (count == 1 ? "" : "s")
                + " skipped: " + tool.explanation()));
        return String.join("; ", parts);
    }

    /** The build's last line: every test Surefire and Failsafe skipped for a missing tool, or that none was. */
    public static void main(String[] args) throws IOException {
        Map<Tools.Tool, Integer> all = new EnumMap<>(Tools.Tool.class);
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        String[] cells = line.split("\t");
                        all.merge(Tools.Tool.valueOf(cells[0]), Integer.parseInt(cells[1]), Integer::sum);
                    }
                }
            }
        }
        System.out.println(all.isEmpty() ? "[INFO] No test was skipped for a missing tool."
                : "[WARNING] " + summary(all));
    }
}
