package org.claimdesk.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.claimdesk.system.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives every {@code @QuarkusTest} the same embedded PostgreSQL that the app starts for itself, in a throw-away
 * folder under target/. With {@code QUARKUS_DATASOURCE_JDBC_URL} set, the tests use that server instead.
 */
public class EmbeddedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        database = EmbeddedDatabase.start(Path.of("target", "test-db", UUID.randomUUID().toString()), true);
        return database.datasourceConfig();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
