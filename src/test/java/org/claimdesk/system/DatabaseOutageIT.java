package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.support.PackagedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under load and comes back; the packaged app says so clearly meanwhile and serves again
 * without a restart. A multi-row write cut short by {@code kill -9} leaves nothing half-done.
 */
class DatabaseOutageIT {

    private static final int OUTAGE_SECONDS = 10;

    @Test
    void whileTheDatabaseIsDownTheAppAnswers503AndItRecoversWithoutARestart(@TempDir Path tmp) throws Exception {
        Path dbDir = tmp.resolve("db");
        EmbeddedDatabase database = EmbeddedDatabase.start(dbDir, false);
        int dbPort = database.port();
        try (PackagedApp app = PackagedApp.start(database, tmp, "outage", Map.of())) {
            String session = app.logIn(PackagedApp.ADMIN, PackagedApp.ADMIN_PASSWORD);
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            List<String> stackTraces = new ArrayList<>();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String path = t % 2 == 0 ? "/api/claims" : "/claims";
                Thread thread = new Thread(() -> {
                    while (loading.get()) {
                        try {
                            HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.uri(path))
                                    .header("Cookie", session).GET());
                            statuses.merge(r.statusCode(), 1, Integer::sum);
                            if (r.body().contains("at org.") || r.body().contains("Exception")) {
                                synchronized (stackTraces) {
                                    stackTraces.add(path + ": " + r.body());
                                }
                            }
                        } catch (Exception e) {
                            statuses.merge(-1, 1, Integer::sum);
                        }
                    }
                });
                thread.start();
                load.add(thread);
            }
            Thread.sleep(2000);
            database.close();
            long down = System.nanoTime();
            Thread.sleep(1500);
            HttpResponse<String> page = app.send(HttpRequest.newBuilder(app.uri("/claims")).header("Cookie", session).GET());
            HttpResponse<String> api = app.send(HttpRequest.newBuilder(app.uri("/api/claims")).header("Cookie", session).GET());
            HttpResponse<String> ready = app.send(HttpRequest.newBuilder(app.uri("/q/health/ready")).GET());
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.body().contains("<h1>") && !page.body().contains("at org."), page.body());
            assertEquals(503, api.statusCode(), api.body());
            assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("\"DOWN\""), ready.body());
            Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS) - (System.nanoTime() - down) / 1_000_000));

            database = EmbeddedDatabase.start(dbDir, false, dbPort);
            long back = System.nanoTime();
            long recovered = -1;
            while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(30)) {
                HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.uri("/api/claims"))
                        .header("Cookie", session).GET());
                if (r.statusCode() == 200 && app.ready()) {
                    recovered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
                    break;
                }
                Thread.sleep(50);
            }
            loading.set(false);
            for (Thread thread : load) {
                thread.join();
            }
            System.out.printf("Outage: database down %d s under load (8 clients); answers during the run %s; "
                    + "serving again %d ms after the database returned, without a restart%n", OUTAGE_SECONDS, statuses,
                    recovered);
            if (statuses.containsKey(500)) {
                List<String> log = java.nio.file.Files.readAllLines(app.log);
                for (int i = 0; i < log.size(); i++) {
                    if (log.get(i).contains("ERROR")) {
                        System.out.println(String.join("\n", log.subList(i, Math.min(log.size(), i + 40))));
                        break;
                    }
                }
            }
            assertTrue(recovered >= 0 && recovered <= 5000, "serves again within 5 s: " + recovered + " ms");
            assertEquals(List.of(), stackTraces, "no answer shows a stack trace");
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503),
                    "every answer is 200 or 503: " + statuses);
        } finally {
            database.close();
        }
    }

    @Test
    void aSourceMergeCutShortByKill9LeavesNoPartialMerge(@TempDir Path tmp) throws Exception {
        int claims = Integer.getInteger("outage.mergeClaims", 30_000);
        Path dbDir = tmp.resolve("db");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dbDir, false)) {
            Map<String, String> ds = database.datasourceConfig();
            long mergedId;
            long targetId;
            String target;
            long version;
            try (PackagedApp app = PackagedApp.start(database, tmp, "merge-1", Map.of())) {
                mergedId = id(app.asAdmin("POST", "/api/sources", "{\"name\":\"Merged away\",\"kind\":\"other\"}").body());
                target = "Merge target";
                targetId = id(app.asAdmin("POST", "/api/sources", "{\"name\":\"" + target + "\",\"kind\":\"other\"}").body());
                try (Connection db = connect(ds)) {
                    db.createStatement().executeUpdate("INSERT INTO claim (id, statement, source_id, status, version, "
                            + "created_at, updated_at) SELECT nextval('claim_seq'), 'Bulk claim ' || g, " + mergedId
                            + ", 'unverified', 0, now(), now() FROM generate_series(1, " + claims + ") g");
                    version = number(db, "SELECT version FROM source WHERE id = " + mergedId);
                }
                String session = app.logIn(PackagedApp.ADMIN, PackagedApp.ADMIN_PASSWORD);
                HttpResponse<String> profile = app.send(HttpRequest.newBuilder(app.uri("/sources/" + mergedId))
                        .header("Cookie", session).GET());
                String csrf = profile.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("claimdesk-csrf=")).map(c -> c.substring(15, c.indexOf(';')))
                        .findFirst().orElseThrow();
                Thread merge = new Thread(() -> {
                    try {
                        app.send(HttpRequest.newBuilder(app.uri("/sources/" + mergedId + "/merge"))
                                .header("Cookie", session + "; claimdesk-csrf=" + csrf)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + URLEncoder.encode(csrf,
                                        StandardCharsets.UTF_8) + "&target=" + URLEncoder.encode(target,
                                                StandardCharsets.UTF_8) + "&version=" + version)));
                    } catch (Exception cutOff) {
                        // the app is killed mid-request
                    }
                });
                merge.start();
                // kill the app once the merge's transaction has begun writing, before it commits
                try (Connection db = connect(ds)) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (System.nanoTime() < deadline && number(db, "SELECT count(*) FROM pg_stat_activity WHERE "
                            + "query LIKE '%INSERT INTO claim_edit%' AND state = 'active' AND pid <> pg_backend_pid()") == 0) {
                        Thread.sleep(5);
                    }
                }
                app.kill();
                merge.join();
            }
            try (PackagedApp again = PackagedApp.start(database, tmp, "merge-2", Map.of());
                    Connection db = connect(ds)) {
                long stillOnMerged = number(db, "SELECT count(*) FROM claim WHERE source_id = " + mergedId);
                long onTarget = number(db, "SELECT count(*) FROM claim WHERE source_id = " + targetId);
                long mergedExists = number(db, "SELECT count(*) FROM source WHERE id = " + mergedId);
                long edits = number(db, "SELECT count(*) FROM claim_edit");
                long audit = number(db, "SELECT count(*) FROM audit_log WHERE action = 'source.merged'");
                System.out.printf("kill -9 during the merge of %d claims: after restart %d claims on the merged source,"
                        + " %d on the target, merged source present: %s, move records %d, audit entries %d%n", claims,
                        stillOnMerged, onTarget, mergedExists == 1, edits, audit);
                boolean none = stillOnMerged == claims && onTarget == 0 && mergedExists == 1 && edits == 0 && audit == 0;
                boolean all = stillOnMerged == 0 && onTarget == claims && mergedExists == 0 && edits == claims
                        && audit == 1;
                assertTrue(none || all, "the merge happened wholly or not at all");
                HttpResponse<String> merged = again.asAdmin("GET", "/api/sources/" + mergedId, null);
                assertEquals(none ? 200 : 404, merged.statusCode(), "the app serves the outcome");
            }
        }
    }

    @Test
    void aLargeArticleCutShortByKill9LeavesNoPartialArticleOrClaims(@TempDir Path tmp) throws Exception {
        int claims = Integer.getInteger("outage.articleClaims", 20_000);
        String marker = "Outage article " + System.nanoTime();
        boolean writing;
        Path dbDir = tmp.resolve("db");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dbDir, false)) {
            Map<String, String> ds = database.datasourceConfig();
            try (PackagedApp app = PackagedApp.start(database, tmp, "article-1", Map.of())) {
                long sourceId = id(app.asAdmin("POST", "/api/sources", "{\"name\":\"" + marker
                        + " source\",\"kind\":\"other\"}").body());
                StringBuilder text = new StringBuilder();
                StringBuilder list = new StringBuilder();
                for (int i = 0; i < claims; i++) {
                    String statement = marker + " claim " + i;
                    int start = text.length();
                    text.append(statement).append(". ");
                    list.append(i == 0 ? "" : ",").append("{\"statement\":\"").append(statement)
                            .append("\",\"sourceId\":").append(sourceId).append(",\"claimStart\":").append(start)
                            .append(",\"claimEnd\":").append(start + statement.length()).append('}');
                }
                String body = "{\"title\":\"" + marker + "\",\"text\":\"" + text + "\",\"claims\":[" + list + "]}";
                Thread post = new Thread(() -> {
                    try {
                        app.asAdmin("POST", "/api/articles", body);
                    } catch (Exception cutOff) {
                        // the app is killed mid-request
                    }
                });
                post.start();
                // kill the app once the article's transaction writes its claims, before it commits (this query's
                // own text holds the words it looks for, hence the pid)
                try (Connection db = connect(ds)) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (System.nanoTime() < deadline && number(db, "SELECT count(*) FROM pg_stat_activity WHERE "
                            + "query ILIKE '%insert into claim%' AND state = 'active' AND pid <> pg_backend_pid()")
                            == 0) {
                        Thread.sleep(2);
                    }
                    writing = System.nanoTime() < deadline;
                }
                app.kill();
                post.join();
            }
            try (PackagedApp again = PackagedApp.start(database, tmp, "article-2", Map.of());
                    Connection db = connect(ds)) {
                long articles = number(db, "SELECT count(*) FROM article WHERE title = '" + marker + "'");
                long stored = number(db, "SELECT count(*) FROM claim WHERE statement LIKE '" + marker + " claim %'");
                long orphans = number(db, "SELECT count(*) FROM claim WHERE statement LIKE '" + marker
                        + " claim %' AND article_id IS NULL");
                System.out.printf("kill -9 during POST /api/articles with %d claims (claim inserts seen running: %s): "
                        + "after restart %d articles, %d claims (%d without their article)%n", claims, writing, articles,
                        stored, orphans);
                boolean none = articles == 0 && stored == 0;
                boolean all = articles == 1 && stored == claims && orphans == 0;
                assertTrue(none || all, "the article and its claims were stored wholly or not at all");
                HttpResponse<String> list = again.asAdmin("GET", "/api/claims?q=" + URLEncoder.encode(marker,
                        StandardCharsets.UTF_8), null);
                assertEquals(200, list.statusCode(), "the app serves the outcome: " + list.body());
            }
        }
    }

    private static Connection connect(Map<String, String> ds) throws Exception {
        return DriverManager.getConnection(ds.get("quarkus.datasource.jdbc.url"), ds.get("quarkus.datasource.username"),
                ds.get("quarkus.datasource.password"));
    }

    private static long number(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }
}
