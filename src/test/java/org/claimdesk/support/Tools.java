package org.claimdesk.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The programs beyond Java that some tests need, found as a developer's machine has them: a setting first
 * ({@code -Dclaimdesk.chromium=...} or {@code CLAIMDESK_CHROMIUM}), then the PATH, then the usual install folders.
 * A test whose tool is missing is skipped with {@link Tool#reason()}, or fails when {@code -Dclaimdesk.tools=required}
 * (as {@code .ci/run} sets it), so that CI can never go green by skipping.
 */
public final class Tools {

    /** A tool some tests need, with what to tell the developer who lacks it. */
    public enum Tool {
        BROWSER("browser", "no Chromium and chromedriver found",
                "apt-get install chromium chromium-driver, or set CLAIMDESK_CHROMIUM and CLAIMDESK_CHROMEDRIVER"),
        POSTGRESQL("backup", "no PostgreSQL server tools found (initdb, pg_ctl, pg_dump, pg_restore)",
                "apt-get install postgresql-15, or set CLAIMDESK_POSTGRESQL_BIN"),
        DATA("data-set", "no team data found in ../shared (samples/, datasets/)",
                "put the team's shared/ folder beside this clone, as CI has it");

        /** The mark that starts every skip reason, so that {@link ToolSkips} can count them. */
        public static final String MARK = "[needs ";

        private final String tests;
        private final String missing;
        private final String install;

        Tool(String tests, String missing, String install) {
            this.tests = tests;
            this.missing = missing;
            this.install = install;
        }

        /** What kind of test needs it, as the summary line names them ("browser", "backup"). */
        public String tests() {
            return tests;
        }

        /** Why a test was skipped: the mark, what is missing and how to install it. */
        public String reason() {
            return MARK + name() + "] " + missing + " (" + install + ")";
        }

        /** What is missing and how to install it, without the mark. */
        public String explanation() {
            return missing + " (" + install + ")";
        }

        public boolean present() {
            return switch (this) {
                case BROWSER -> chromium().isPresent() && chromedriver().isPresent();
                case POSTGRESQL -> postgresqlBin().isPresent();
                case DATA -> Files.isDirectory(Path.of("../shared/samples"))
                        && Files.isDirectory(Path.of("../shared/datasets"));
            };
        }
    }

    private static final List<String> SERVER_TOOLS = List.of("initdb", "pg_ctl", "createdb", "pg_dump", "pg_restore");

    /** What the lookups read of a machine: its settings, its PATH, whether we are root, where Debian keeps PostgreSQL. */
    record Machine(Function<String, String> properties, Function<String, String> environment, String path,
            boolean root, Path debianPostgresql, boolean seleniumManager) {

        static final Machine THIS = new Machine(System::getProperty, System::getenv, System.getenv("PATH"),
                "root".equals(System.getProperty("user.name")), Path.of("/usr/lib/postgresql"), true);
    }

    private static Optional<Path> chromium;
    private static Optional<Path> chromedriver;
    private static Optional<Path> postgresqlBin;

    private Tools() {
    }

    /** Whether a missing tool fails the test instead of skipping it ({@code -Dclaimdesk.tools=required}). */
    public static boolean required() {
        return "required".equalsIgnoreCase(setting(Machine.THIS, "claimdesk.tools", "CLAIMDESK_TOOLS").orElse(""));
    }

    /** Chromium or Chrome: the setting, then chromium, chromium-browser or google-chrome on the PATH, then macOS. */
    public static synchronized Optional<Path> chromium() {
        if (chromium == null) {
            chromium = chromium(Machine.THIS);
        }
        return chromium;
    }

    static Optional<Path> chromium(Machine machine) {
        return configured(machine, "claimdesk.chromium", "CLAIMDESK_CHROMIUM")
                .or(() -> onPath(machine, "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))
                .or(() -> executable(Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")))
                .or(() -> executable(Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium")));
    }

    /**
     * chromedriver: the setting, then the PATH, then whatever Selenium Manager resolves for the Chromium found
     * (it needs a network to download one; without it that counts as missing).
     */
    public static synchronized Optional<Path> chromedriver() {
        if (chromedriver == null) {
            chromedriver = chromedriver(Machine.THIS);
        }
        return chromedriver;
    }

    static Optional<Path> chromedriver(Machine machine) {
        return configured(machine, "claimdesk.chromedriver", "CLAIMDESK_CHROMEDRIVER")
                .or(() -> onPath(machine, "chromedriver"))
                .or(() -> machine.seleniumManager() ? fromSeleniumManager(chromium(machine)) : Optional.empty());
    }

    /**
     * A folder holding a PostgreSQL server's tools ({@code initdb}, {@code pg_ctl}, {@code createdb},
     * {@code pg_dump}, {@code pg_restore}): the setting, then the PATH, then the newest {@code /usr/lib/postgresql/N/bin}.
     * As root the server runs as the {@code postgres} user, so that user must exist too.
     */
    public static synchronized Optional<Path> postgresqlBin() {
        if (postgresqlBin == null) {
            postgresqlBin = postgresqlBin(Machine.THIS);
        }
        return postgresqlBin;
    }

    static Optional<Path> postgresqlBin(Machine machine) {
        Optional<Path> found = setting(machine, "claimdesk.postgresql-bin", "CLAIMDESK_POSTGRESQL_BIN").map(Path::of)
                .filter(Tools::holdsServerTools)
                .or(() -> pathFolders(machine).filter(Tools::holdsServerTools).findFirst())
                .or(() -> debianServer(machine.debianPostgresql()));
        return found.filter(bin -> !machine.root() || postgresUserExists());
    }

    private static Optional<Path> debianServer(Path versionsFolder) {
        try (Stream<Path> versions = Files.list(versionsFolder)) {
            return versions.map(v -> v.resolve("bin")).filter(Tools::holdsServerTools)
                    .max(Comparator.comparingInt(Tools::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean holdsServerTools(Path bin) {
        return SERVER_TOOLS.stream().allMatch(tool -> executable(bin.resolve(tool)).isPresent());
    }

    private static boolean postgresUserExists() {
        try (Stream<String> users = Files.lines(Path.of("/etc/passwd"))) {
            return users.anyMatch(line -> line.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> fromSeleniumManager(Optional<Path> browser) {
        if (browser.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> arguments = new ArrayList<>(List.of("--browser", "chrome", "--browser-path",
                    browser.get().toString(), "--timeout", "20"));
            String driver = org.openqa.selenium.manager.SeleniumManager.getInstance().getBinaryPaths(arguments)
                    .getDriverPath();
            return driver == null ? Optional.empty() : executable(Path.of(driver));
        } catch (RuntimeException e) {
            return Optional.empty(); // no network, no cached driver: missing
        }
    }

    private static Optional<Path> configured(Machine machine, String property, String variable) {
        return setting(machine, property, variable).map(Path::of).flatMap(Tools::executable);
    }

    private static Optional<String> setting(Machine machine, String property, String variable) {
        String value = machine.properties().apply(property);
        if (value == null || value.isBlank()) {
            value = machine.environment().apply(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<Path> onPath(Machine machine, String... names) {
        for (String name : names) {
            Optional<Path> found = pathFolders(machine).map(folder -> folder.resolve(name)).flatMap(p -> executable(p).stream())
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Stream<Path> pathFolders(Machine machine) {
        String path = machine.path();
        return path == null ? Stream.empty()
                : Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of);
    }

    /** A regular file that may be run: a tool hidden by binding /dev/null over it is not one. */
    private static Optional<Path> executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    }
}
