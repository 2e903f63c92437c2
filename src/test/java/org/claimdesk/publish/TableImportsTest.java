package org.claimdesk.publish;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class TableImportsTest {

    /** Uploads a file and returns the new import's id. */
    static long upload(DeskClient client, String fileName, String content) {
        client.get("/imports/tables").then().statusCode(200);
        Response response = client.request().multiPart(DeskClient.CSRF_FIELD, client.csrfToken())
                .multiPart("file", fileName, content.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/imports/tables");
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Starts the import with the given form fields, and waits until it has finished. */
    static void run(DeskClient client, long id, String... fields) {
        client.get("/imports/tables/" + id).then().statusCode(200);
        client.post("/imports/tables/" + id + "/start", fields).then().statusCode(303);
        long deadline = System.currentTimeMillis() + 60_000;
        while (DeskData.number("SELECT count(*) FROM table_import WHERE id = ?1 AND state IN ('done', 'failed')",
                id) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "import " + id + " should finish within a minute");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static long count(String sql, Object... params) {
        return DeskData.number(sql, params);
    }

    static String unique(String prefix) {
        return Accounts.uniqueName(prefix);
    }

    @Test
    void aCsvWithAHeaderIsPreviewedWithItsColumnsGuessedAndImportedThroughTheRatingMapping() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String speaker = unique("Minister");
        String csv = "statement,speaker,rating,claim_date,tags,job\r\n"
                + "\"Exports doubled, the minister said.\"," + speaker + ",Pants on Fire,2024-03-01,\"trade, Exports\",x\r\n"
                + "\"He said \"\"never\"\".\"," + speaker.toUpperCase() + ",mostly-true,,,y\r\n"
                + "Unemployment is at 4%.," + speaker + ",half-true,2024-02-01,,z\r\n";
        long id = upload(reviewer, "claims.csv", csv);

        String preview = reviewer.get("/imports/tables/" + id).then().statusCode(200).extract().asString();
        assertTrue(preview.contains("Exports doubled, the minister said."), "the preview shows the first lines");
        assertTrue(preview.matches("(?s).*<select id=\"column0\".*?value=\"statement\" selected.*"), preview);
        assertTrue(preview.matches("(?s).*<select id=\"column1\".*?value=\"source\" selected.*"));
        assertTrue(preview.matches("(?s).*<select id=\"column2\".*?value=\"rating\" selected.*"));
        assertTrue(preview.matches("(?s).*<select id=\"column3\".*?value=\"claimDate\" selected.*"));
        assertTrue(preview.matches("(?s).*<select id=\"column4\".*?value=\"tags\" selected.*"));

        run(reviewer, id, "format", "csv", "header", "true", "column0", "statement", "column1", "source", "column2",
                "rating", "column3", "claimDate", "column4", "tags", "column5", "", "mode", "skip_invalid",
                "sourceKind", "government");

        assertEquals(List.of("done"), DeskData.strings("SELECT state FROM table_import WHERE id = ?1", id));
        assertEquals(1, count("SELECT count(*) FROM source WHERE lower(name) = lower(?1) AND kind = 'government'",
                speaker), "one source, matched in any case, of the chosen kind");
        assertEquals(List.of("disputed|Pants on Fire|2024-03-01|{trade,exports}|1",
                "verified|mostly-true|null|{}|1", "unverified|half-true|2024-02-01|{}|0"),
                DeskData.strings("SELECT c.status || '|' || c.original_rating || '|' || coalesce(c.claim_date::text, "
                        + "'null') || '|' || c.tags::text || '|' || c.version FROM claim c JOIN source s ON "
                        + "s.id = c.source_id WHERE s.name = ?1 ORDER BY c.id", speaker));
        assertEquals(2, count("SELECT count(*) FROM review r JOIN claim c ON c.id = r.claim_id JOIN source s "
                + "ON s.id = c.source_id WHERE s.name = ?1 AND r.rationale LIKE 'Imported from claims.csv, line %'",
                speaker), "each decided claim has its decision in the history");
        assertEquals(3, count("SELECT count(*) FROM claim_embedding e JOIN claim c ON c.id = e.claim_id JOIN source s "
                + "ON s.id = c.source_id WHERE s.name = ?1 AND octet_length(e.vector) = 384", speaker),
                "each imported claim has its vector, stored with it (claim matching)");
        assertEquals(List.of("3|3|0|0|1"), DeskData.strings("SELECT total_lines || '|' || imported || '|' || "
                + "duplicates || '|' || rejected || '|' || sources_created FROM table_import WHERE id = ?1", id));
        reviewer.get("/imports/tables/" + id).then().statusCode(200).body(containsString("Done, in "));
    }

    @Test
    void aTsvWithoutAHeaderIsMappedByHand() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String speaker = unique("Analyst");
        String tsv = "x1\t" + speaker + "\tThe \"growth\" figure, 3%, is wrong.\tfalse\n"
                + "x2\t" + speaker + "\tInflation halved.\t\n";
        long id = upload(reviewer, "claims.txt", tsv);
        String preview = reviewer.get("/imports/tables/" + id).asString();
        assertTrue(preview.contains("value=\"tsv\" selected"), "a file with tabs is read as TSV");
        run(reviewer, id, "format", "tsv", "header", "false", "column0", "", "column1", "source", "column2",
                "statement", "column3", "rating", "mode", "all_or_nothing", "sourceKind", "person");
        assertEquals(List.of("The \"growth\" figure, 3%, is wrong.|disputed", "Inflation halved.|unverified"),
                DeskData.strings("SELECT c.statement || '|' || c.status FROM claim c JOIN source s ON "
                        + "s.id = c.source_id WHERE s.name = ?1 ORDER BY c.id", speaker));
    }

    static final String BAD_LINES = "statement,source,rating,claim_date\n"
            + "A valid claim.,%1$s,true,2024-01-01\n"
            + "Another valid claim.,%1$s,false,\n"
            + "A claim with a bad date.,%1$s,true,01/02/2024\n"
            + "A claim with an unknown rating.,%1$s,sort of,\n"
            + ",%1$s,true,\n"
            + "\"A quoted claim\nover two lines.\",%1$s,,\n"
            + "A claim without a source.,,true,\n";

    @Test
    void skippingInvalidLinesStoresExactlyTheValidOnesAndReportsTheOthersByLineNumber() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String speaker = unique("Skipper");
        long id = upload(reviewer, "bad.csv", BAD_LINES.formatted(speaker));
        run(reviewer, id, "format", "csv", "header", "true", "column0", "statement", "column1", "source",
                "column2", "rating", "column3", "claimDate", "mode", "skip_invalid", "sourceKind", "person");

        assertEquals(List.of("A valid claim.", "Another valid claim.", "A quoted claim\nover two lines."),
                DeskData.strings("SELECT c.statement FROM claim c JOIN source s ON s.id = c.source_id "
                        + "WHERE s.name = ?1 ORDER BY c.id", speaker));
        List<String> lines = DeskData.strings("SELECT line || ' ' || reason FROM table_import_line "
                + "WHERE import_id = ?1 ORDER BY line", id);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("4 The claim date \"01/02/2024\" is not a date"), lines.get(0));
        assertTrue(lines.get(1).startsWith("5 The rating \"sort of\" is not in the rating mapping"), lines.get(1));
        assertTrue(lines.get(2).startsWith("6 Enter the statement."), lines.get(2));
        assertTrue(lines.get(3).startsWith("9 Enter the source."), "numbered as an editor counts lines: "
                + lines.get(3));
        String page = reviewer.get("/imports/tables/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td>5</td><td>invalid</td><td>The rating &quot;sort of&quot;"), page);
        String report = reviewer.get("/imports/tables/" + id + "/report.csv").then().statusCode(200).extract()
                .asString();
        assertTrue(report.startsWith("line,outcome,reason\r\n4,rejected,"), report);
    }

    @Test
    void allOrNothingStoresNothingWhenOneLineIsInvalid() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String speaker = unique("Careful");
        long id = upload(reviewer, "bad.csv", BAD_LINES.formatted(speaker));
        run(reviewer, id, "format", "csv", "header", "true", "column0", "statement", "column1", "source",
                "column2", "rating", "column3", "claimDate", "mode", "all_or_nothing", "sourceKind", "person");
        assertEquals(List.of("failed"), DeskData.strings("SELECT state FROM table_import WHERE id = ?1", id));
        assertEquals(0, count("SELECT count(*) FROM source WHERE name = ?1", speaker), "not even the source");
        assertEquals(4, count("SELECT count(*) FROM table_import_line WHERE import_id = ?1", id));
        reviewer.get("/imports/tables/" + id).then().body(containsString("4 of 7 lines are invalid, so nothing "
                + "was imported"));
    }

    @Test
    void importingTheSameFileAgainAddsNothingAndSaysWhy() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String speaker = unique("Repeater");
        String csv = "statement,source\nOnce.," + speaker + "\nTwice.," + speaker + "\nOnce.," + speaker + "\n";
        long first = upload(reviewer, "again.csv", csv);
        run(reviewer, first, "format", "csv", "header", "true", "column0", "statement", "column1", "source", "mode",
                "skip_invalid", "sourceKind", "person");
        assertEquals(List.of("2|1"), DeskData.strings("SELECT imported || '|' || duplicates FROM table_import "
                + "WHERE id = ?1", first), "the repeated line is a duplicate within the file");

        long second = upload(reviewer, "again.csv", csv);
        reviewer.get("/imports/tables/" + second).then().body(containsString("This file was imported before"));
        run(reviewer, second, "format", "csv", "header", "true", "column0", "statement", "column1", "source",
                "mode", "all_or_nothing", "sourceKind", "person");
        assertEquals(List.of("done|0|3"), DeskData.strings("SELECT state || '|' || imported || '|' || duplicates "
                + "FROM table_import WHERE id = ?1", second));
        assertEquals(2, count("SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id WHERE s.name = ?1",
                speaker));
        assertEquals(1, count("SELECT count(*) FROM source WHERE name = ?1", speaker));
    }

    @Test
    void aMappingWithoutStatementOrSourceIsRefusedOnThePreview() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        long id = upload(reviewer, "plain.csv", "a,b\nc,d\n");
        reviewer.get("/imports/tables/" + id);
        reviewer.post("/imports/tables/" + id + "/start", "format", "csv", "header", "false", "column0", "statement",
                "column1", "statement", "mode", "skip_invalid", "sourceKind", "person").then().statusCode(400)
                .body(containsString("Choose the column that holds the source"))
                .body(containsString("Only one column can hold the statement"));
        assertEquals(List.of("uploaded"), DeskData.strings("SELECT state FROM table_import WHERE id = ?1", id));
    }

    @Test
    void aRunningImportShowsItsProgressFromTheDatabaseAndRefreshesWithoutJavaScript() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        long id = upload(reviewer, "long.csv", "statement,source\nA claim.,Someone\n");
        // what another instance running the import writes as it goes
        DeskData.number("WITH u AS (UPDATE table_import SET state = 'running', started_at = now(), total_lines = 1000, "
                + "checked_lines = 1000, stored_lines = 500 WHERE id = ?1 RETURNING 1) SELECT count(*) FROM u", id);
        String page = reviewer.get("/imports/tables/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<meta http-equiv=\"refresh\" content=\"2\">"), page);
        assertTrue(page.contains("Importing: 75% done."), page);
        assertTrue(page.contains("<progress max=\"100\" value=\"75\">"), page);
        reviewer.post("/imports/tables/" + id + "/start", "format", "csv", "header", "true", "column0", "statement",
                "column1", "source", "mode", "skip_invalid", "sourceKind", "person").then().statusCode(303);
        assertEquals(0, count("SELECT count(*) FROM claim WHERE statement = 'A claim.'"),
                "a second start of a running import does nothing");
        assertTrue(reviewer.get("/imports/tables/" + id).asString().contains("Importing: 75% done."));
    }

    @Test
    void viewersCannotImport() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/imports/tables").then().statusCode(403);
    }

    @Test
    void liarLinesBecomeClaimsOfTheirSpeakersWithTheirLabelsMappedToStatuses() throws IOException {
        String liar;
        try (InputStream in = getClass().getResourceAsStream("liar-valid-200.tsv")) {
            liar = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> statusOf = Map.of("pants-fire", "disputed", "false", "disputed", "barely-true",
                "disputed", "half-true", "unverified", "mostly-true", "verified", "true", "verified");
        Map<String, String> expected = new HashMap<>();
        Set<String> speakers = new HashSet<>();
        List<String> statements = new ArrayList<>();
        for (String line : liar.split("\n")) {
            String[] cells = line.split("\t", -1);
            expected.putIfAbsent(cells[2].strip(), statusOf.get(cells[1]) + "|" + cells[1]);
            speakers.add(cells[4]);
            statements.add(cells[2].strip());
        }
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        long id = upload(reviewer, "valid.tsv", liar);
        String preview = reviewer.get("/imports/tables/" + id).asString();
        assertTrue(preview.matches("(?s).*<select id=\"column1\".*?value=\"rating\" selected.*"),
                "LIAR's layout is recognised");
        assertTrue(preview.matches("(?s).*<select id=\"column4\".*?value=\"source\" selected.*"));
        run(reviewer, id, "format", "tsv", "header", "false", "column1", "rating", "column2", "statement", "column3",
                "tags", "column4", "source", "mode", "all_or_nothing", "sourceKind", "person");

        assertEquals(List.of("done|200"), DeskData.strings("SELECT state || '|' || (imported + duplicates) FROM "
                + "table_import WHERE id = ?1", id));
        Map<String, String> stored = new HashMap<>();
        for (String row : DeskData.strings("SELECT c.statement || chr(9) || c.status || '|' || c.original_rating "
                + "FROM claim c JOIN review r ON r.claim_id = c.id WHERE r.rationale LIKE 'Imported from valid.tsv%' "
                + "UNION ALL SELECT c.statement || chr(9) || c.status || '|' || c.original_rating FROM claim c "
                + "WHERE c.original_rating = 'half-true' AND c.status = 'unverified'")) {
            String[] parts = row.split("\t");
            stored.put(parts[0], parts[1]);
        }
        for (String statement : statements) {
            assertEquals(expected.get(statement), stored.get(statement), statement);
        }
        assertEquals(1, count("SELECT count(*) FROM source WHERE name = 'Barack Obama' AND kind = 'person' "
                + "AND 'barack-obama' = ANY(aliases)"), "the speaker becomes a source with the slug as an alias");
        for (String speaker : speakers) {
            assertEquals(1, count("SELECT count(*) FROM source WHERE lower(name) = lower(?1) OR ?2 = ANY(aliases)",
                    ClaimLine.humanize(speaker), speaker), speaker);
        }
    }
}
