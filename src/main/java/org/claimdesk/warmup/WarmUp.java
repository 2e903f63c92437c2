package org.claimdesk.warmup;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.Routes;
import org.claimdesk.system.WarmUpPass;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the hot pages (the list, a search, a claim, a source, the dashboard, the API list) over loopback for a
 * moment after the HTTP server starts, before {@code /q/health/ready} reports UP: the JIT compiles the request path,
 * Qute its templates, Hibernate and PostgreSQL their plans, so the first users after a (rolling) restart do not pay
 * for it. GET requests only, as an existing account read through {@link WarmUpPass}: nothing is written, not even a
 * session. It ends when two rounds of every page in a row were each answered within {@code claimdesk.warm-up.fast}
 * (50 ms), or after {@code claimdesk.warm-up.max-duration}. Readiness is DOWN until it ends; if it fails, readiness
 * still comes UP, and the log says why.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    /** Two at a time: the machine this was measured on has 2 cores, and the pools warm up too. */
    private static final int CLIENTS = 2;

    @Inject
    ClaimdeskConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    WarmUpPass pass;

    private volatile boolean done;
    private volatile long warmedFrom;
    /** The slowest page of the round that ended last, as "/claims/12 in 85 ms", for the log. */
    private volatile String lastSlowest;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    void onStart(@Observes StartupEvent event) {
        if (!config.warmUp().enabled()) {
            done = true;
            return;
        }
        if (!begun.compareAndSet(false, true)) {
            return;
        }
        // the HTTP server binds its port after the start-up observers: the first requests wait for it (see get)
        Thread runner = new Thread(this::run, "claimdesk-warm-up");
        runner.setDaemon(true);
        runner.start();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(done).withData("requests", requests.get())
                .withData("failed", failures.get()).build();
    }

    /** True once the warm-up has ended (or was off). */
    public boolean isDone() {
        return done;
    }

    private void run() {
        long started = System.nanoTime();
        try {
            // after the other start-up observers, which may create the first account or load the demo desk
            int port = awaitServer(started);
            Hot hot = hotPages();
            if (hot == null) {
                LOG.info("Warm-up skipped: the desk has no active account or no claim yet.");
                return;
            }
            String token = pass.open(hot.username());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            warmedFrom = System.nanoTime();
            // rounds of every hot page until two rounds in a row answered each within the target, or for at most
            // the longest warm-up: a fixed time would warm a busy machine less than a quiet one
            long until = System.nanoTime() + config.warmUp().maxDuration().toNanos();
            long fast = config.warmUp().fast().toNanos();
            AtomicInteger fastRounds = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                Thread thread = new Thread(() -> {
                    while (fastRounds.get() < 2 * CLIENTS && System.nanoTime() < until) {
                        long slowest = 0;
                        String slowestPath = null;
                        for (int i = 0; i < hot.paths().size() && System.nanoTime() < until; i++) {
                            String path = hot.paths().get((i + first) % hot.paths().size());
                            long sent = System.nanoTime();
                            if (!get(client, port, path, token)) {
                                failures.incrementAndGet();
                            }
                            long took = System.nanoTime() - sent;
                            if (took > slowest) {
                                slowest = took;
                                slowestPath = path;
                            }
                            requests.incrementAndGet();
                        }
                        lastSlowest = slowestPath == null ? lastSlowest
                                : String.format(java.util.Locale.ROOT, "%s in %d ms", slowestPath, slowest / 1_000_000);
                        if (slowest < fast) {
                            fastRounds.incrementAndGet();
                        } else {
                            fastRounds.set(0);
                        }
                    }
                }, "claimdesk-warm-up-" + c);
                thread.setDaemon(true);
                clients.add(thread);
                thread.start();
            }
            for (Thread thread : clients) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("Warm-up stopped early (%s); the first requests may be slow.", e.toString());
        } finally {
            pass.close();
            done = true;
            long now = System.nanoTime();
            LOG.infof("Warm-up: %d requests (%d not answered 200) in %d ms, after %d ms waiting for the HTTP server; "
                    + "the slowest page of the last round: %s; ready.", requests.get(), failures.get(),
                    (now - (warmedFrom == 0 ? now : warmedFrom)) / 1_000_000,
                    ((warmedFrom == 0 ? now : warmedFrom) - started) / 1_000_000,
                    lastSlowest == null ? "none" : lastSlowest);
        }
    }

    /** The server's port once it accepts connections (at most a minute after the start). */
    private int awaitServer(long started) throws InterruptedException {
        while (System.nanoTime() - started < Duration.ofMinutes(1).toNanos()) {
            int port = port();
            if (port > 0) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    return port;
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the HTTP server did not open its port");
    }

    /** The port that is listening: Quarkus notes a randomly chosen one (port 0, as in tests) in these properties. */
    private static int port() {
        var settings = ConfigProvider.getConfig();
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String actual = System.getProperty(key);
        if (actual != null && actual.matches("\\d+")) {
            return Integer.parseInt(actual);
        }
        return settings.getOptionalValue(key, Integer.class).orElse(8080);
    }

    private static boolean get(HttpClient client, int port, String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header(WarmUpPass.HEADER, token).timeout(Duration.ofSeconds(10)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false; // the server may still be binding its port
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Who reads, and what: the pages people open most, for the newest claim and its source. */
    record Hot(String username, List<String> paths) {
    }

    private Hot hotPages() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String username;
            try (ResultSet row = statement.executeQuery("SELECT username FROM reviewer WHERE active ORDER BY id LIMIT 1")) {
                if (!row.next()) {
                    return null;
                }
                username = row.getString(1);
            }
            long claim;
            long source;
            String statementText;
            try (ResultSet row = statement.executeQuery("SELECT id, source_id, statement FROM claim "
                    + "ORDER BY created_at DESC, id DESC LIMIT 1")) {
                if (!row.next()) {
                    return null;
                }
                claim = row.getLong(1);
                source = row.getLong(2);
                statementText = row.getString(3);
            }
            String word = searchWord(statementText);
            List<String> paths = new ArrayList<>(List.of(Routes.claims(), Routes.claim(claim), Routes.dashboard(),
                    Routes.source(source), "/api/claims?page=2&size=25"));
            if (word != null) {
                paths.add(Routes.claims() + "?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            }
            return new Hot(username, paths);
        }
    }

    /** The longest word of a statement, a likely search that finds it. */
    static String searchWord(String statement) {
        String best = null;
        for (String word : statement.split("[^\\p{L}\\p{N}]+")) {
            if (best == null || word.length() > best.length()) {
                best = word;
            }
        }
        return best == null || best.isEmpty() ? null : best;
    }
}
