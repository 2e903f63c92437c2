package org.claimdesk.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ToolsTest {

    @TempDir
    Path machine;

    @Test
    void chromiumIsFoundOnThePathUnderAnyOfItsNamesAndTheSettingComesFirst() throws IOException {
        Path bin = Files.createDirectories(machine.resolve("bin"));
        Path chrome = program(bin.resolve("google-chrome"));
        assertEquals(Optional.of(chrome), Tools.chromium(on(bin.toString(), Map.of())));
        Path mine = program(machine.resolve("my-chromium"));
        assertEquals(Optional.of(mine), Tools.chromium(on(bin.toString(), Map.of("CLAIMDESK_CHROMIUM", mine.toString()))));
    }

    @Test
    void aProgramThatCannotRunCountsAsMissing() throws IOException {
        Path bin = Files.createDirectories(machine.resolve("bin"));
        Files.writeString(bin.resolve("chromium"), "not executable");
        Files.createDirectories(bin.resolve("chromedriver")); // a folder, as a bind mount over it leaves one
        Tools.Machine m = on(bin.toString(), Map.of());
        assertEquals(Optional.empty(), Tools.chromium(m));
        assertEquals(Optional.empty(), Tools.chromedriver(m));
    }

    @Test
    void postgresqlToolsAreFoundInTheNewestDebianFolderOnlyWhenAllAreThere() throws IOException {
        Path debian = machine.resolve("usr-lib-postgresql");
        Path old = serverTools(debian.resolve("13/bin"));
        Path newest = serverTools(debian.resolve("15/bin"));
        Tools.Machine m = new Tools.Machine(k -> null, k -> null, "", false, debian, false);
        assertEquals(Optional.of(newest), Tools.postgresqlBin(m));
        Files.delete(newest.resolve("pg_restore"));
        assertEquals(Optional.of(old), Tools.postgresqlBin(m), "a folder without pg_restore is passed over");
    }

    @Test
    void aSkipIsCountedByItsToolAndNamedWithTheInstallCommand() {
        Map<Tools.Tool, Integer> skipped = new EnumMap<>(Tools.Tool.class);
        skipped.put(Tools.Tool.BROWSER, 12);
        skipped.put(Tools.Tool.POSTGRESQL, 1);
        String line = ToolSkips.summary(skipped);
        assertTrue(line.startsWith("12 browser tests skipped: no Chromium"), line);
        assertTrue(line.contains("apt-get install chromium chromium-driver"), line);
        assertTrue(line.contains("; 1 backup test skipped: no PostgreSQL server tools found"), line);
    }

    @Test
    void aMissingToolSkipsATestUnlessToolsAreRequired() {
        ToolCondition.assume(Tools.Tool.BROWSER, true, true);
        TestAbortedException skip = assertThrows(TestAbortedException.class,
                () -> ToolCondition.assume(Tools.Tool.BROWSER, false, false));
        assertTrue(skip.getMessage().startsWith(Tools.Tool.MARK + "BROWSER] no Chromium"), skip.getMessage());
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ToolCondition.assume(Tools.Tool.POSTGRESQL, false, true));
        assertTrue(failure.getMessage().contains("claimdesk.tools=required"), failure.getMessage());
    }

    private Tools.Machine on(String path, Map<String, String> environment) {
        return new Tools.Machine(k -> null, environment::get, path, false, machine.resolve("none"), false);
    }

    private static Path serverTools(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String tool : new String[] { "initdb", "pg_ctl", "createdb", "pg_dump", "pg_restore" }) {
            program(bin.resolve(tool));
        }
        return bin;
    }

    private static Path program(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        assertTrue(file.toFile().setExecutable(true));
        return file;
    }
}
