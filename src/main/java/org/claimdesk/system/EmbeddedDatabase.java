package org.claimdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server that Claimdesk starts for itself when no external database is configured.
 *
 * <p>The packaged app ({@link ClaimdeskMain}), dev mode and the test suite all go through this one class, so
 * what a newcomer runs is what the tests run. As root, the zonky binaries run PostgreSQL in a user namespace,
 * because {@code initdb} refuses uid 0.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Set once the server runs, so dev-mode restarts in the same JVM reuse it instead of starting a second one. */
    static final String RUNNING_URL_PROPERTY = "org.claimdesk.embedded-jdbc-url";

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts (or re-opens) the database kept in {@code dataDir}: the cluster in {@code postgres/}, its log in
     * {@code postgres.log}.
     *
     * @param throwAway delete the folder when the server stops, as the tests do
     */
    public static EmbeddedDatabase start(Path dataDir, boolean throwAway) {
        try {
            Path root = dataDir.toAbsolutePath().normalize();
            Path dir = root.resolve("postgres");
            Files.createDirectories(root);
            // PostgreSQL's own messages go to a log file in the data folder, not into the app's log
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(throwAway)
                    .setPort(freeLoopbackPort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            return new EmbeddedDatabase(postgres, root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The datasource settings that point Quarkus at this server. */
    public Map<String, String> datasourceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", USER);
        config.put("quarkus.datasource.password", "");
        return config;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
