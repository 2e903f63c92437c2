package org.claimdesk.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
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

import org.claimdesk.system.EmbeddedDatabase;

/**
 * One packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}) in the prod profile, on a PostgreSQL the
 * test started, with its log in a file. For the integration tests that need several instances, outages or kill -9.
 */
public final class PackagedApp implements AutoCloseable {

    public static final String ADMIN = "chief";
    public static final String ADMIN_PASSWORD = "integration test passphrase";
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Process process;
    public final int port;
    public final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts an instance on {@code database} and waits until {@code /q/health/ready} is UP. */
    public static PackagedApp start(EmbeddedDatabase database, Path logDir, String name, Map<String, String> env)
            throws Exception {
        return start(database.datasourceConfig(), logDir, name, env);
    }

    /** Starts an instance on the database named by Quarkus datasource settings (url, username, password). */
    public static PackagedApp start(Map<String, String> datasource, Path logDir, String name, Map<String, String> env)
            throws Exception {
        int port = freePort();
        Path log = logDir.resolve(name + "-app.log");
        Files.createDirectories(logDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", datasource.get("quarkus.datasource.jdbc.url"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", datasource.get("quarkus.datasource.username"));
        environment.put("QUARKUS_DATASOURCE_PASSWORD", datasource.get("quarkus.datasource.password"));
        environment.put("CLAIMDESK_SESSION_KEY", "integration-test-session-key-0123456789");
        environment.put("CLAIMDESK_ADMIN_USERNAME", ADMIN);
        environment.put("CLAIMDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("CLAIMDESK_DEMO", "false");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.putAll(env);
        PackagedApp app = new PackagedApp(builder.start(), port, log);
        app.waitUntilReady(90);
        return app;
    }

    public void waitUntilReady(int seconds) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(seconds)) {
            assertTrue(process.isAlive(), "the app exited early; see " + log);
            if (ready()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the app was not ready within " + seconds + " s; see " + log);
    }

    public boolean ready() {
        try {
            return send(HttpRequest.newBuilder(uri("/q/health/ready")).GET()).statusCode() == 200;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request as the chief admin, over HTTP Basic. */
    public HttpResponse<String> asAdmin(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json");
        return send(json == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Logs in through the form and returns the session cookie ({@code claimdesk-session=...}). */
    public String logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("claimdesk-session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("login of " + username + " answered " + login.statusCode()));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
