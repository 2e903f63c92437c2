package org.claimdesk.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.support.PackagedApp;
import org.claimdesk.system.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency soak: many reviewers, each with their own account and session, decide claims at once through two
 * app instances that share one PostgreSQL; a third of the decisions come on purpose from a stale version. Then
 * the history must hold every accepted decision exactly once and no refused one, and every claim's status must be
 * its newest decision. The size comes from system properties: CI runs 50 reviewers, 200 claims and 500 verdicts;
 * {@code src/bench/soak.sh} runs the full 5,000.
 */
class VerdictSoakIT {

    private static final int REVIEWERS = Integer.getInteger("soak.reviewers", 50);
    private static final int CLAIMS = Integer.getInteger("soak.claims", 200);
    private static final int VERDICTS = Integer.getInteger("soak.verdicts", 500);
    private static final String PASSWORD = "soak reviewer passphrase";
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final List<String> STATUSES = List.of("verified", "disputed", "unverified");

    record Outcome(long claimId, String rationale, int status, boolean stale) {
    }

    @Test
    void everyAcceptedVerdictIsInTheHistoryOnceAndNoRefusedOneIs(@TempDir Path tmp) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(tmp.resolve("db"), true);
                PackagedApp a = PackagedApp.start(database, tmp, "a", Map.of());
                PackagedApp b = PackagedApp.start(database, tmp, "b", Map.of("CLAIMDESK_ADMIN_USERNAME", "",
                        "CLAIMDESK_ADMIN_PASSWORD", ""))) {
            List<Long> claims = setUp(a);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < REVIEWERS; i++) {
                // half the reviewers log in on A and half on B; each then uses both instances
                sessions.add((i % 2 == 0 ? a : b).logIn("soak-" + i, PASSWORD));
            }
            List<Outcome> outcomes = decide(List.of(a, b), claims, sessions);
            long accepted = outcomes.stream().filter(o -> o.status() == 201).count();
            long refused = outcomes.stream().filter(o -> o.status() == 409).count();
            long staleSent = outcomes.stream().filter(Outcome::stale).count();
            List<String> other = outcomes.stream().filter(o -> o.status() != 201 && o.status() != 409)
                    .map(o -> o.status() + " on claim " + o.claimId()).toList();

            Map<String, String> ds = database.datasourceConfig();
            try (Connection db = DriverManager.getConnection(ds.get("quarkus.datasource.jdbc.url"),
                    ds.get("quarkus.datasource.username"), ds.get("quarkus.datasource.password"))) {
                Map<String, Integer> inHistory = new ConcurrentHashMap<>();
                try (ResultSet rows = db.createStatement().executeQuery(
                        "SELECT rationale, count(*) FROM review WHERE rationale LIKE 'soak %' GROUP BY rationale")) {
                    while (rows.next()) {
                        inHistory.put(rows.getString(1), rows.getInt(2));
                    }
                }
                long historyRows = inHistory.values().stream().mapToLong(Integer::longValue).sum();
                long acceptedOnce = outcomes.stream().filter(o -> o.status() == 201)
                        .filter(o -> inHistory.getOrDefault(o.rationale(), 0) == 1).count();
                long refusedStored = outcomes.stream().filter(o -> o.status() == 409)
                        .filter(o -> inHistory.containsKey(o.rationale())).count();
                long mismatches = count(db, "SELECT count(*) FROM claim c WHERE c.status <> coalesce((SELECT r.status "
                        + "FROM review r WHERE r.claim_id = c.id ORDER BY r.claim_version DESC, r.id DESC LIMIT 1), "
                        + "'unverified')");
                long duplicateVersions = count(db, "SELECT count(*) FROM (SELECT claim_id, claim_version FROM review "
                        + "GROUP BY 1, 2 HAVING count(*) > 1) d");

                String cookieFromA = a.logIn("soak-0", PASSWORD);
                int onB = b.send(HttpRequest.newBuilder(b.uri("/api/me")).header("Cookie", cookieFromA).GET())
                        .statusCode();

                System.out.printf("Soak: %d reviewers, %d claims, 2 instances; %d verdicts sent (%d from a stale "
                        + "version): %d accepted, %d refused (409), %d other; history rows %d, accepted found once %d, "
                        + "refused found %d, status mismatches %d, duplicate versions %d; A's session on B: %d%n",
                        REVIEWERS, CLAIMS, outcomes.size(), staleSent, accepted, refused, other.size(), historyRows,
                        acceptedOnce, refusedStored, mismatches, duplicateVersions, onB);
                assertEquals(List.of(), other, "every verdict is accepted or refused as stale");
                assertTrue(outcomes.size() >= VERDICTS, "at least " + VERDICTS + " verdicts were sent");
                assertTrue(staleSent >= VERDICTS / 3, "a third come from stale versions");
                assertEquals(accepted, acceptedOnce, "every accepted verdict is in the history exactly once");
                assertEquals(accepted, historyRows, "and nothing else is");
                assertEquals(0, refusedStored, "no refused verdict is in the history");
                assertEquals(0, mismatches, "every claim's status is its newest decision");
                assertEquals(0, duplicateVersions);
                assertTrue(refused >= staleSent, "every stale verdict was refused");
                assertEquals(200, onB, "instance B accepts a session cookie issued by instance A");
            }
        }
    }

    /**
     * Issue 19: attribution decisions race truth decisions on the same few claims, from both instances. Neither kind
     * may lose or duplicate the other: every accepted decision of each kind is in its own history once, no refused one
     * is, each claim's two statuses are their newest decisions, and the kept track-record counts equal a recount.
     */
    @Test
    void attributionDecisionsRacingTruthDecisionsOnTheSameClaimsLoseNothing(@TempDir Path tmp) throws Exception {
        int claimsRaced = Integer.getInteger("soak.attribution.claims", 20);
        int decisions = Integer.getInteger("soak.attribution.decisions", 400);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(tmp.resolve("db"), true);
                PackagedApp a = PackagedApp.start(database, tmp, "a", Map.of());
                PackagedApp b = PackagedApp.start(database, tmp, "b", Map.of("CLAIMDESK_ADMIN_USERNAME", "",
                        "CLAIMDESK_ADMIN_PASSWORD", ""))) {
            List<Long> claims = setUp(a).subList(0, Math.min(claimsRaced, CLAIMS));
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < REVIEWERS; i++) {
                sessions.add((i % 2 == 0 ? a : b).logIn("soak-" + i, PASSWORD));
            }
            List<String> attributions = List.of("confirmed", "misattributed", "unconfirmed");
            AtomicInteger next = new AtomicInteger();
            Set<Outcome> truth = ConcurrentHashMap.newKeySet();
            Set<Outcome> attribution = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < REVIEWERS; r++) {
                int reviewer = r;
                running.add(pool.submit(() -> {
                    Random random = new Random(1000 + reviewer);
                    int n;
                    while ((n = next.getAndIncrement()) < decisions) {
                        PackagedApp app = List.of(a, b).get(random.nextInt(2));
                        long claimId = claims.get(random.nextInt(claims.size()));
                        String cookie = sessions.get(reviewer);
                        long version = version(app.send(HttpRequest.newBuilder(app.uri("/api/claims/" + claimId))
                                .header("Cookie", cookie).GET()).body());
                        String rationale = "race " + n;
                        boolean ofAttribution = n % 2 == 0;
                        String path = ofAttribution ? "/attribution-verdicts" : "/verdicts";
                        String status = ofAttribution ? attributions.get(Math.floorMod(rationale.hashCode(), 3))
                                : STATUSES.get(Math.floorMod(rationale.hashCode(), 3));
                        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/claims/"
                                + claimId + path)).header("Cookie", cookie).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status
                                        + "\",\"rationale\":\"" + rationale + "\",\"version\":" + version + "}")));
                        (ofAttribution ? attribution : truth).add(new Outcome(claimId, rationale,
                                response.statusCode(), false));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            List<String> other = new ArrayList<>();
            truth.stream().filter(o -> o.status() != 201 && o.status() != 409)
                    .forEach(o -> other.add("verdict " + o.status() + " on claim " + o.claimId()));
            attribution.stream().filter(o -> o.status() != 201 && o.status() != 409)
                    .forEach(o -> other.add("attribution " + o.status() + " on claim " + o.claimId()));
            Map<String, String> ds = database.datasourceConfig();
            try (Connection db = DriverManager.getConnection(ds.get("quarkus.datasource.jdbc.url"),
                    ds.get("quarkus.datasource.username"), ds.get("quarkus.datasource.password"))) {
                Map<String, Integer> truthRows = rationales(db, "review");
                Map<String, Integer> attributionRows = rationales(db, "attribution_review");
                long truthAccepted = truth.stream().filter(o -> o.status() == 201).count();
                long attributionAccepted = attribution.stream().filter(o -> o.status() == 201).count();
                long truthOnce = truth.stream().filter(o -> o.status() == 201)
                        .filter(o -> truthRows.getOrDefault(o.rationale(), 0) == 1).count();
                long attributionOnce = attribution.stream().filter(o -> o.status() == 201)
                        .filter(o -> attributionRows.getOrDefault(o.rationale(), 0) == 1).count();
                long refusedStored = truth.stream().filter(o -> o.status() == 409)
                        .filter(o -> truthRows.containsKey(o.rationale())).count()
                        + attribution.stream().filter(o -> o.status() == 409)
                                .filter(o -> attributionRows.containsKey(o.rationale())).count();
                long truthMismatches = count(db, "SELECT count(*) FROM claim c WHERE c.status <> coalesce((SELECT "
                        + "r.status FROM review r WHERE r.claim_id = c.id ORDER BY r.claim_version DESC, r.id DESC "
                        + "LIMIT 1), 'unverified')");
                long attributionMismatches = count(db, "SELECT count(*) FROM claim c WHERE c.attribution_status <> "
                        + "coalesce((SELECT r.status FROM attribution_review r WHERE r.claim_id = c.id ORDER BY "
                        + "r.claim_version DESC, r.id DESC LIMIT 1), 'unconfirmed')");
                long countDrift = count(db, "SELECT count(*) FROM (SELECT source_id, sum(claims) AS kept FROM "
                        + "source_outcome_count GROUP BY 1) k FULL JOIN (SELECT source_id, count(*) AS counted FROM "
                        + "claim WHERE resolved_at IS NOT NULL GROUP BY 1) c USING (source_id) "
                        + "WHERE coalesce(kept, 0) <> coalesce(counted, 0)");
                System.out.printf("Attribution soak: %d reviewers, %d claims, 2 instances; %d truth decisions (%d "
                        + "accepted, %d refused), %d attribution decisions (%d accepted, %d refused), %d other; "
                        + "accepted found once %d + %d, refused found %d, status mismatches %d + %d, count drift %d%n",
                        REVIEWERS, claims.size(), truth.size(), truthAccepted, truth.size() - truthAccepted,
                        attribution.size(), attributionAccepted, attribution.size() - attributionAccepted,
                        other.size(), truthOnce, attributionOnce, refusedStored, truthMismatches,
                        attributionMismatches, countDrift);
                assertEquals(List.of(), other, "every decision is accepted or refused as stale");
                assertTrue(truthAccepted > 0 && attributionAccepted > 0, "both kinds of decision got through");
                assertEquals(truthAccepted, truthOnce, "every accepted truth decision is in its history once");
                assertEquals(attributionAccepted, attributionOnce, "every accepted attribution decision too");
                assertEquals(truthAccepted, truthRows.values().stream().mapToLong(Integer::longValue).sum());
                assertEquals(attributionAccepted, attributionRows.values().stream().mapToLong(Integer::longValue)
                        .sum());
                assertEquals(0, refusedStored, "no refused decision is in either history");
                assertEquals(0, truthMismatches, "every claim's status is its newest truth decision");
                assertEquals(0, attributionMismatches, "and its attribution its newest attribution decision");
                assertEquals(0, countDrift, "the kept track-record counts equal a recount");
            }
        }
    }

    private static Map<String, Integer> rationales(Connection db, String table) throws Exception {
        Map<String, Integer> rows = new ConcurrentHashMap<>();
        try (ResultSet found = db.createStatement().executeQuery("SELECT rationale, count(*) FROM " + table
                + " WHERE rationale LIKE 'race %' GROUP BY rationale")) {
            while (found.next()) {
                rows.put(found.getString(1), found.getInt(2));
            }
        }
        return rows;
    }

    private static List<Long> setUp(PackagedApp app) throws Exception {
        for (int i = 0; i < REVIEWERS; i++) {
            HttpResponse<String> created = app.asAdmin("POST", "/api/admin/accounts",
                    "{\"username\":\"soak-" + i + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"reviewer\"}");
            assertEquals(201, created.statusCode(), created.body());
        }
        HttpResponse<String> source = app.asAdmin("POST", "/api/sources", "{\"name\":\"Soak source\",\"kind\":\"other\"}");
        assertEquals(201, source.statusCode(), source.body());
        long sourceId = id(source.body());
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            HttpResponse<String> claim = app.asAdmin("POST", "/api/claims",
                    "{\"statement\":\"Soak claim number " + i + "\",\"sourceId\":" + sourceId + "}");
            assertEquals(201, claim.statusCode(), claim.body());
            claims.add(id(claim.body()));
        }
        return claims;
    }

    private static List<Outcome> decide(List<PackagedApp> apps, List<Long> claims, List<String> sessions)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        Set<Outcome> outcomes = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < REVIEWERS; r++) {
            int reviewer = r;
            running.add(pool.submit(() -> {
                Random random = new Random(reviewer);
                int n;
                while ((n = next.getAndIncrement()) < VERDICTS) {
                    PackagedApp app = apps.get(random.nextInt(apps.size()));
                    long claimId = claims.get(random.nextInt(claims.size()));
                    String cookie = sessions.get(reviewer);
                    long version = version(app.send(HttpRequest.newBuilder(app.uri("/api/claims/" + claimId))
                            .header("Cookie", cookie).GET()).body());
                    boolean stale = n % 3 == 0 && version > 0;
                    if (n % 3 == 0 && version == 0) {
                        // not yet decided: decide it first, so that the version read is now stale
                        send(app, cookie, claimId, "soak " + n + " first", version, outcomes, false);
                        version = 1;
                        stale = true;
                    }
                    send(app, cookie, claimId, "soak " + n, stale ? version - 1 : version, outcomes, stale);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(outcomes);
    }

    private static void send(PackagedApp app, String cookie, long claimId, String rationale, long version,
            Set<Outcome> outcomes, boolean stale) throws Exception {
        String status = STATUSES.get(Math.floorMod(rationale.hashCode(), STATUSES.size()));
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/claims/" + claimId + "/verdicts"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\",\"rationale\":\"" + rationale
                        + "\",\"version\":" + version + "}")));
        outcomes.add(new Outcome(claimId, rationale, response.statusCode(), stale));
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static long version(String json) {
        Matcher m = VERSION.matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
