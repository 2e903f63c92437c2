package org.claimdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** True when this app started its own PostgreSQL rather than using a configured one. */
    public static boolean isRunning() {
        return System.getProperty(RUNNING_URL_PROPERTY) != null;
    }

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * Starts (or re-opens) the database kept in {@code dataDir}: the cluster in {@code postgres/}, its log in
     * {@code postgres.log}.
     *
     * @param throwAway start from an empty cluster and delete it when the server stops, as the tests do
     */
    public static EmbeddedDatabase start(Path dataDir, boolean throwAway) {
        try {
            return start(dataDir, throwAway, freeLoopbackPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #start(Path, boolean)}, on a given port: the outage tests stop the server and start it again. */
    public static EmbeddedDatabase start(Path dataDir, boolean throwAway, int port) {
        try {
            Path root = dataDir.toAbsolutePath().normalize();
            Path dir = root.resolve("postgres");
            Files.createDirectories(root);
            // PostgreSQL's own messages go to a log file in the data folder, not into the app's log
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile());
            String password = password(root);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(throwAway)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("unix_socket_directories", "''") // no socket other local users could reach
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setConnectConfig("password", password)
                    // zonky turns durability off for speed; only a throw-away test cluster may keep it off
                    .setServerConfig("fsync", throwAway ? "off" : "on")
                    .setServerConfig("synchronous_commit", throwAway ? "off" : "on")
                    .setServerConfig("full_page_writes", throwAway ? "off" : "on")
                    .start();
            requirePassword(postgres, dir, password);
            return new EmbeddedDatabase(postgres, root, password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The datasource settings that point Quarkus at this server. */
    public Map<String, String> datasourceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", USER);
        config.put("quarkus.datasource.password", password);
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

    /**
     * initdb trusts every local connection. Give the superuser a password, kept in a file only the owner reads,
     * and accept only password logins, so that other users of the machine cannot open the desk's database.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path cluster, String password)
            throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // a generated base64url value: nothing in it needs escaping
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            Files.writeString(cluster.resolve("pg_hba.conf"), String.join("\n",
                    "# Written by Claimdesk at every start: password logins over loopback only.",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static String password(Path root) throws IOException {
        Path file = root.resolve(".postgres-password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String password = Tokens.random(24);
        Files.writeString(file, password);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own permissions protect it
        }
        return password;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
