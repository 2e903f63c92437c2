package org.claimdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The benchmark of issue 18, run by {@code src/bench/bulk-triage.sh} (never by the unit tests): a bulk assignment of
 * all claims of a filter (1,000 by default) through {@code POST /api/claims/bulk}, timed end to end over HTTP, against
 * a floor measured in the same run: the same UPDATE and history INSERT sent straight to the database. Each run checks
 * one history row per claim.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.bulk", matches = "true")
class BulkTriageBenchmark {

    @Test
    void bulkAssignmentOfAFiltersClaims() throws IOException {
        int claims = Integer.getInteger("bench.claims", 1000);
        int runs = Integer.getInteger("bench.runs", 7);
        Source source = DeskData.source("Bench triage", SourceKind.other);
        List<Reviewers> people = List.of(new Reviewers(), new Reviewers());
        List<Long> reviewerIds = people.stream().map(p -> DeskData.number("select id from reviewer where username = ?1",
                p.name)).toList();
        // the desk around it: 20,000 other claims, so that the filter has to find its claims among others
        DeskData.number("WITH made AS (INSERT INTO claim (id, statement, source_id) SELECT nextval('claim_seq'), "
                + "'Other claim ' || g, ?1 FROM generate_series(1, 20000) g RETURNING 1) SELECT count(*) FROM made",
                source.id);
        List<Double> app = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            String tag = "bench-" + System.nanoTime();
            DeskData.number("WITH made AS (INSERT INTO claim (id, statement, source_id, tags) SELECT "
                    + "nextval('claim_seq'), 'Bench claim ' || g, ?1, ARRAY[cast(?2 AS text)] FROM generate_series(1, ?3) g "
                    + "RETURNING 1) SELECT count(*) FROM made", source.id, tag, claims);
            long edits = DeskData.number("select count(*) from claim_edit");
            long start = System.nanoTime();
            Response report = people.get(0).api().body(Map.of("filter", Map.of("tag", tag),
                    "assigneeId", reviewerIds.get(run % 2))).post("/api/claims/bulk");
            double ms = (System.nanoTime() - start) / 1e6;
            assertEquals(200, report.statusCode(), report.asString());
            assertEquals(claims, report.jsonPath().getList("changed").size());
            assertEquals(edits + claims, DeskData.number("select count(*) from claim_edit"), "one history row each");
            assertEquals(claims, DeskData.number("select count(*) from claim c where c.tags @> ARRAY[cast(?1 AS text)] "
                    + "and (select count(*) from claim_edit e where e.claim_id = c.id) = 1", tag));
            // the floor: the filter's ids, the lock, the UPDATE and the INSERT, as one statement each, in SQL alone
            long floorStart = System.nanoTime();
            DeskData.number("WITH target AS (SELECT id, version FROM claim WHERE tags @> ARRAY[cast(?1 AS text)] "
                    + "ORDER BY id FOR UPDATE), moved AS (UPDATE claim c SET assignee_id = ?2, version = c.version + 1, "
                    + "updated_at = clock_timestamp() FROM target t WHERE c.id = t.id RETURNING c.id, t.version), "
                    + "logged AS (INSERT INTO claim_edit (id, claim_id, reviewer_id, edited_at, claim_version, changes) "
                    + "SELECT nextval('claim_edit_seq'), id, ?2, clock_timestamp(), version, "
                    + "'[{\"field\":\"assignee\",\"from\":\"a\",\"to\":\"b\"}]'::jsonb FROM moved RETURNING 1) "
                    + "SELECT count(*) FROM logged", tag, reviewerIds.get((run + 1) % 2));
            double floorMs = (System.nanoTime() - floorStart) / 1e6;
            if (run > 0) { // the first run warms up
                app.add(ms);
                floor.add(floorMs);
            }
        }
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        String result = String.format("Bulk assignment of %d claims of a filter (among %d+ claims), %d runs after "
                + "one warm-up: app p50 %.0f ms, max %.0f ms; SQL floor p50 %.0f ms, max %.0f ms; ratio %.1f; "
                + "loadavg %s%n", claims, 20_000, runs, median(app), max(app), median(floor), max(floor),
                median(app) / median(floor), load);
        System.out.print(result);
        Files.writeString(Path.of("target", "bench-bulk-triage.txt"), result);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
