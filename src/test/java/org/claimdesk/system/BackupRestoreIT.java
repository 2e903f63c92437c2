package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.PackagedApp;
import org.claimdesk.support.ToolCondition;
import org.claimdesk.support.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore as src/docs/operations.md describes them for an external PostgreSQL: a populated desk is
 * dumped with {@code pg_dump -Fc}, restored with {@code pg_restore} into a fresh database, and the app started on
 * it finds every claim, decision, evidence, account and audit entry as it was. The server is the machine's own
 * PostgreSQL ({@link Tools#postgresqlBin()}: Debian's postgresql-15, installed by .ci/run, or one on the PATH), whose
 * pg_dump can read it; as root it runs as the postgres user.
 */
@NeedsTool(Tools.Tool.POSTGRESQL)
class BackupRestoreIT {

    private static final String SNAPSHOT = "SELECT concat_ws(' | ', "
            + "(SELECT string_agg(id || ':' || status || ':' || version || ':' || md5(statement), ',' ORDER BY id) FROM claim), "
            + "(SELECT string_agg(id || ':' || claim_id || ':' || status || ':' || md5(coalesce(rationale, '')), ',' ORDER BY id) FROM review), "
            + "(SELECT string_agg(id || ':' || review_id || ':' || url || ':' || md5(title), ',' ORDER BY id) FROM evidence), "
            + "(SELECT string_agg(username || ':' || role || ':' || active || ':' || password_hash, ',' ORDER BY id) FROM reviewer), "
            + "(SELECT string_agg(id || ':' || action || ':' || target, ',' ORDER BY id) FROM audit_log), "
            + "(SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM source))";

    private Path cluster;
    private int port;

    @AfterEach
    void stopTheServer() throws Exception {
        if (cluster != null) {
            postgres(List.of(bin().resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m", "fast", "-w", "stop"));
        }
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseHoldsTheWholeDeskAndTheAppServesIt() throws Exception {
        Path work = Path.of("target", "backup-it", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(work);
        for (Path p = work; p.startsWith(Path.of("target").toAbsolutePath()); p = p.getParent()) {
            p.toFile().setExecutable(true, false); // the postgres user walks into it
        }
        work.toFile().setWritable(true, false);
        cluster = work.resolve("cluster");
        port = PackagedApp.freePort();
        postgres(List.of(bin().resolve("initdb").toString(), "-D", cluster.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8"));
        postgres(List.of(bin().resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-l",
                work.resolve("postgres.log").toString(), "-o", "-p " + port + " -k " + cluster
                        + " -c listen_addresses=127.0.0.1", "start"));
        postgres(List.of(bin().resolve("createdb").toString(), "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres", "desk"));

        String before;
        long claims;
        try (PackagedApp app = PackagedApp.start(datasource("desk"), work, "original", Map.of())) {
            populate(app);
            before = snapshot("desk");
            claims = count("desk", "SELECT count(*) FROM claim");
        }
        Path dump = work.resolve("desk.dump");
        postgres(List.of(bin().resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres",
                "-Fc", "-f", dump.toString(), "desk"));
        postgres(List.of(bin().resolve("createdb").toString(), "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres",
                "restored"));
        postgres(List.of(bin().resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres",
                "--no-owner", "--exit-on-error", "-d", "restored", dump.toString()));

        try (PackagedApp app = PackagedApp.start(datasource("restored"), work, "restored",
                Map.of("CLAIMDESK_ADMIN_USERNAME", "", "CLAIMDESK_ADMIN_PASSWORD", ""))) {
            String after = snapshot("restored");
            assertEquals(before, after, "every claim, decision, evidence, account, audit entry and source is intact");
            HttpResponse<String> me = app.send(HttpRequest.newBuilder(app.uri("/api/me"))
                    .header("Authorization", PackagedApp.basic("backup-reviewer", "backup reviewer passphrase")).GET());
            assertEquals(200, me.statusCode(), "an account made before the backup logs in with its password");
            HttpResponse<String> list = app.asAdmin("GET", "/api/claims?size=100", null);
            assertTrue(list.body().contains("\"total\":" + claims), list.body());
            HttpResponse<String> claim = app.asAdmin("GET", "/api/claims/" + firstDecided("restored"), null);
            assertTrue(claim.body().contains("\"rationale\":\"Rationale"), claim.body());
            System.out.printf("Backup round trip: pg_dump -Fc (%d bytes) and pg_restore into a fresh database; %d "
                    + "claims, %d decisions, %d evidence, %d accounts, %d audit entries identical; the app serves them%n",
                    Files.size(dump), claims, count("restored", "SELECT count(*) FROM review"),
                    count("restored", "SELECT count(*) FROM evidence"), count("restored", "SELECT count(*) FROM reviewer"),
                    count("restored", "SELECT count(*) FROM audit_log"));
        }
    }

    private static void populate(PackagedApp app) throws Exception {
        assertEquals(201, app.asAdmin("POST", "/api/admin/accounts", "{\"username\":\"backup-reviewer\",\"password\":"
                + "\"backup reviewer passphrase\",\"role\":\"reviewer\"}").statusCode());
        long source = id(app.asAdmin("POST", "/api/sources", "{\"name\":\"Backup source 조선\",\"kind\":\"state_media\"}"));
        for (int i = 0; i < 30; i++) {
            long claim = id(app.asAdmin("POST", "/api/claims", "{\"statement\":\"Backup claim " + i + " 🚀\",\"sourceId\":"
                    + source + ",\"tags\":[\"backup\"]}"));
            for (int v = 0; v < i % 3; v++) {
                HttpResponse<String> decided = app.asAdmin("POST", "/api/claims/" + claim + "/verdicts",
                        "{\"status\":\"" + (v == 0 ? "disputed" : "verified") + "\",\"rationale\":\"Rationale " + i + "."
                                + v + "\",\"version\":" + v + ",\"evidence\":[{\"url\":\"https://example.org/" + i
                                + "\",\"title\":\"Evidence " + i + "\",\"stance\":\"refutes\"}]}");
                assertEquals(201, decided.statusCode(), decided.body());
            }
        }
    }

    private Map<String, String> datasource(String database) {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "unused-trust-auth");
    }

    private String snapshot(String database) throws Exception {
        try (Connection db = connect(database); ResultSet rows = db.createStatement().executeQuery(SNAPSHOT)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long count(String database, String sql) throws Exception {
        try (Connection db = connect(database); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long firstDecided(String database) throws Exception {
        return count(database, "SELECT min(claim_id) FROM review");
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    private static Path bin() {
        ToolCondition.assume(Tools.Tool.POSTGRESQL);
        return Tools.postgresqlBin().orElseThrow();
    }

    /** Runs a PostgreSQL tool; as root, as the postgres user, since PostgreSQL refuses to run as root. */
    private static void postgres(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    private static long id(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
        assertTrue(m.find(), response.body());
        return Long.parseLong(m.group(1));
    }
}
