package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void theEmbeddedServerAcceptsOnlyItsPasswordAndKeepsDataAcrossRestarts() throws Exception {
        Path dir = Path.of("target", "embedded-test", UUID.randomUUID().toString());
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir, false)) {
            Map<String, String> config = first.datasourceConfig();
            String url = config.get("quarkus.datasource.jdbc.url");
            assertTrue(url.startsWith("jdbc:postgresql://127.0.0.1:"), url);
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", ""),
                    "no password, no connection");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "guess"));
            try (Connection c = DriverManager.getConnection(url, "postgres", config.get("quarkus.datasource.password"))) {
                c.createStatement().execute("CREATE TABLE kept (value text)");
                c.createStatement().execute("INSERT INTO kept VALUES ('still here')");
                ResultSet fsync = c.createStatement().executeQuery("SHOW fsync");
                fsync.next();
                assertEquals("on", fsync.getString(1), "a kept cluster survives a power cut");
            }
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(".postgres-password"))));
        }
        assertFalse(Files.exists(dir.resolve("postgres/postmaster.pid")), "closing stops the server");
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dir, false)) {
            Map<String, String> config = second.datasourceConfig();
            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres",
                    config.get("quarkus.datasource.password"));
                    ResultSet rs = c.createStatement().executeQuery("SELECT value FROM kept")) {
                assertTrue(rs.next());
                assertEquals("still here", rs.getString(1));
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
