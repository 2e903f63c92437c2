package org.claimdesk.system;

import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged app: starts the embedded PostgreSQL unless a datasource URL is configured, then Quarkus.
 *
 * <p>The database has to run before Quarkus reads its runtime configuration, so it cannot be started from a CDI bean.
 */
@QuarkusMain
public class ClaimdeskMain {

    private static final Logger LOG = Logger.getLogger(ClaimdeskMain.class);

    public static void main(String... args) {
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            // the build's AppCDS run only loads classes and stops before the app connects: no database to start
            Quarkus.run(args);
            return;
        }
        useEmbeddedDatabaseUnlessConfigured();
        if (args.length > 0) {
            runCommand(args);
            return;
        }
        Quarkus.run(args);
    }

    /**
     * A command, not a server: no HTTP listener (so it can run beside the app on the same database), no sessions,
     * and no warm-up, which would wait for a listener that never opens.
     */
    private static void runCommand(String... args) {
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("claimdesk.require-session-key", "false");
        System.setProperty("claimdesk.warm-up.enabled", "false");
        Quarkus.run(Commands.class, (code, failure) -> {
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(code);
        }, args);
    }

    /** Points Quarkus at an embedded server through system properties, which outrank application.properties. */
    static void useEmbeddedDatabaseUnlessConfigured() {
        if (externalDatabaseConfigured() || System.getProperty(EmbeddedDatabase.RUNNING_URL_PROPERTY) != null) {
            return;
        }
        Path dataDir = DataDirectory.resolve();
        long started = System.nanoTime();
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(dataDir, false);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("could not lock")) {
                throw e;
            }
            System.err.println("The embedded database in " + dataDir.toAbsolutePath() + " is in use by another "
                    + "Claimdesk. Stop that one first, or set QUARKUS_DATASOURCE_JDBC_URL to a PostgreSQL server both "
                    + "can share.");
            System.exit(1);
            return;
        }
        database.datasourceConfig().forEach(System::setProperty);
        System.setProperty(EmbeddedDatabase.RUNNING_URL_PROPERTY, database.jdbcUrl());
        LOG.infof("Embedded PostgreSQL is running on %s with its data in %s (started in %d ms). "
                + "Set CLAIMDESK_DATA_DIR to keep it elsewhere, or QUARKUS_DATASOURCE_JDBC_URL to use your own server.",
                database.jdbcUrl(), database.dataDir(), (System.nanoTime() - started) / 1_000_000);
        // zonky registers its own shutdown hook that stops the server after the JVM begins to exit
    }

    static boolean externalDatabaseConfigured() {
        String env = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String property = System.getProperty("quarkus.datasource.jdbc.url");
        return (env != null && !env.isBlank()) || (property != null && !property.isBlank());
    }
}
