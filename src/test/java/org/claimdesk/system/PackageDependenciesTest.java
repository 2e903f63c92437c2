package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Features use {@code system}, never the reverse: what cuts across features knows none of them. */
class PackageDependenciesTest {

    private static final Pattern FEATURE_IMPORT = Pattern.compile("^import (static )?org\\.claimdesk\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void systemImportsNoFeaturePackage() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/claimdesk/system"))) {
            found = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    Matcher m = FEATURE_IMPORT.matcher(Files.readString(p));
                    return m.results().filter(r -> !r.group(2).equals("system"))
                            .map(r -> p.getFileName() + ": " + r.group().strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), found);
    }
}
