package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a newcomer would, in the prod
 * profile on the embedded database.
 */
class PackagedAppIT {

    private static final String ADMIN = "chief";
    private static final String ADMIN_PASSWORD = "restart test passphrase";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final java.util.List<Process> started = new java.util.ArrayList<>();

    /** A failed assertion must not leave an app (and its PostgreSQL) running. */
    @org.junit.jupiter.api.AfterEach
    void stopWhatIsStillRunning() throws InterruptedException {
        for (Process app : started) {
            if (app.isAlive()) {
                app.destroy();
                app.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("db");
        int port = freePort();
        Process first = start(dataDir, port, Map.of());
        long firstStart = waitUntilReady(port, first, dataDir);
        assertTrue(Files.exists(dataDir.resolve("postgres/PG_VERSION")), "the data folder holds a PostgreSQL cluster");
        HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/admin/accounts"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"survivor\",\"password\":\"still here after restart\",\"role\":\"reviewer\"}")));
        assertEquals(201, created.statusCode(), created.body());
        stop(first);
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "stopping the app stops PostgreSQL");

        Process second = start(dataDir, port, Map.of());
        long secondStart = waitUntilReady(port, second, dataDir);
        HttpResponse<String> me = send(port, HttpRequest.newBuilder(uri(port, "/api/me"))
                .header("Authorization", basic("survivor", "still here after restart")).GET());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"survivor\""), me.body());
        stop(second);
        System.out.printf("Packaged app ready (/q/health/ready UP): first start %d ms, restart %d ms%n",
                firstStart, secondStart);
    }

    @Test
    void aSessionFromOneInstanceWorksOnAnotherThatSharesTheDatabaseAndKey(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("db");
        int portA = freePort();
        int portB = freePort();
        Process a = null;
        Process b = null;
        try {
            a = start(dataDir, portA, Map.of());
            waitUntilReady(portA, a, dataDir);
            String log = Files.readString(dataDir.getParent().resolve(dataDir.getFileName() + "-app.log"));
            java.util.regex.Matcher url = java.util.regex.Pattern
                    .compile("Embedded PostgreSQL is running on (jdbc:postgresql://\\S+) ").matcher(log);
            assertTrue(url.find(), log);
            b = start(dataDir.resolveSibling("unused"), portB, Map.of("QUARKUS_DATASOURCE_JDBC_URL", url.group(1),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", Files.readString(dataDir.resolve(".postgres-password")).strip(),
                    "CLAIMDESK_ADMIN_USERNAME", "",
                    "CLAIMDESK_ADMIN_PASSWORD", ""));
            waitUntilReady(portB, b, dataDir);

            HttpResponse<String> login = send(portA, HttpRequest.newBuilder(uri(portA, "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("j_username=" + ADMIN + "&j_password="
                            + java.net.URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8))));
            assertEquals(302, login.statusCode());
            String session = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("claimdesk-session=")).map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst().orElseThrow();

            HttpResponse<String> onB = send(portB, HttpRequest.newBuilder(uri(portB, "/api/me"))
                    .header("Cookie", session).GET());
            assertEquals(200, onB.statusCode(), "instance B accepts the session that instance A issued");
            assertTrue(onB.body().contains("\"username\":\"" + ADMIN + "\""), onB.body());
            assertFalse(Files.exists(dataDir.resolveSibling("unused").resolve("postgres")),
                    "instance B started no embedded database");
            System.out.println("A session issued by instance A on port " + portA + " was accepted by instance B on port "
                    + portB);
        } finally {
            if (b != null) {
                stop(b);
            }
            if (a != null) {
                stop(a);
            }
        }
    }

    @Test
    void prodRefusesToStartWithoutASessionKeyAndSaysWhy(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("db");
        Process app = start(dataDir, freePort(), Map.of("CLAIMDESK_SESSION_KEY", ""));
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the app gives up instead of running without a key");
        assertEquals(1, app.exitValue());
        String log = Files.readString(dataDir.getParent().resolve(dataDir.getFileName() + "-app.log"));
        assertTrue(log.contains("Set CLAIMDESK_SESSION_KEY to a secret of at least 32 random characters"), log);
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL is stopped again");
    }

    @Test
    void withoutAnyAccountTheLoginPageSaysHowToCreateTheFirstAdmin(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("db");
        int port = freePort();
        Process app = start(dataDir, port, Map.of("CLAIMDESK_ADMIN_USERNAME", "", "CLAIMDESK_ADMIN_PASSWORD", ""));
        waitUntilReady(port, app, dataDir);
        HttpResponse<String> login = send(port, HttpRequest.newBuilder(uri(port, "/login")).GET());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("There is no account yet."), login.body());
        assertTrue(login.body().contains("CLAIMDESK_ADMIN_PASSWORD"), login.body());
        HttpResponse<String> demo = send(port, HttpRequest.newBuilder(uri(port, "/api/me"))
                .header("Authorization", basic("admin", "claimdesk-admin-demo")).GET());
        assertEquals(401, demo.statusCode(), "the dev demo accounts do not exist in prod");
        stop(app);
    }

    private Process start(Path dataDir, int port, Map<String, String> overrides) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.getParent().resolve(
                        dataDir.getFileName() + "-app.log").toFile()));
        Map<String, String> env = builder.environment();
        env.remove("QUARKUS_DATASOURCE_JDBC_URL");
        env.remove("QUARKUS_DATASOURCE_USERNAME");
        env.remove("QUARKUS_DATASOURCE_PASSWORD");
        env.put("CLAIMDESK_DATA_DIR", dataDir.toString());
        env.put("CLAIMDESK_SESSION_KEY", "restart-test-session-key-0123456789");
        env.put("CLAIMDESK_ADMIN_USERNAME", ADMIN);
        env.put("CLAIMDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        overrides.forEach((name, value) -> {
            if (value.isEmpty()) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        Files.createDirectories(dataDir.getParent());
        Process app = builder.start();
        started.add(app);
        return app;
    }

    private long waitUntilReady(int port, Process app, Path dataDir) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
            assertTrue(app.isAlive(), "the app exited early; see app.log in " + dataDir);
            try {
                if (send(port, HttpRequest.newBuilder(uri(port, "/q/health/ready")).GET()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the app was not ready within 60 s");
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy(); // SIGTERM, as a service manager or Ctrl+C would
        assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app stops within 30 s");
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
