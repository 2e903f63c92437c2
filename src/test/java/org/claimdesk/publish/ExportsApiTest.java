package org.claimdesk.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ExportsApiTest {

    static final String HEADER = "id,statement,source,source_kind,status,original_rating,claim_date,tags,quote,"
            + "article_title,article_url,url,assignee,created_at,decided_at,attribution_status,attribution_kind";

    private static Response export(String username, String query) {
        return given().auth().preemptive().basic(username, Accounts.PASSWORD).urlEncodingEnabled(false)
                .get("/api/exports/claims.csv" + query);
    }

    private static List<String> lines(String csv) {
        assertTrue(csv.endsWith("\r\n"), "every line ends with CRLF");
        return List.of(csv.split("\r\n"));
    }

    @Test
    void aViewerExportsExactlyTheClaimsOfTheFilterInTheListsOrder() {
        String viewer = Accounts.create(Role.viewer);
        Source source = DeskData.source("exporter", SourceKind.government);
        Claim first = DeskData.claim(source, "Exports doubled in 2024.", ClaimStatus.disputed, null);
        Claim second = DeskData.claim(source, "Imports fell by a third.", ClaimStatus.disputed, null);
        DeskData.claim(source, "Tariffs stayed the same.");
        DeskData.claim(DeskData.source("someone-else", SourceKind.person), "Exports doubled, says another.",
                ClaimStatus.disputed, null);
        QuarkusTransaction.requiringNew().run(() -> {
            Claim c = Claim.findById(first.id);
            c.tags = new java.util.ArrayList<>(List.of("trade", "exports"));
            c.claimDate = java.time.LocalDate.of(2024, 3, 1);
            c.originalRating = "Pants on Fire";
        });
        // as the attribution form would leave it: the source never said it, and it was reported as a quote
        DeskData.number("WITH changed AS (UPDATE claim SET attribution_status = 'misattributed', attribution_kind = "
                + "'direct_quote' WHERE id = ?1 RETURNING 1) SELECT count(*) FROM changed", second.id);

        Response response = export(viewer, "?sourceId=" + source.id + "&status=disputed");
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("claims.csv"));
        List<String> lines = lines(response.asString());
        assertEquals(HEADER, lines.get(0));
        assertEquals(3, lines.size(), "the header and the two disputed claims of the source: " + lines);
        assertTrue(lines.get(1).startsWith(second.id + ",Imports fell by a third.," + source.name
                + ",government,disputed,,,,"), "newest first: " + lines.get(1));
        String row = lines.get(2);
        assertTrue(row.startsWith(first.id + ",Exports doubled in 2024.," + source.name
                + ",government,disputed,Pants on Fire,2024-03-01,\"trade,exports\",,,,http://"), row);
        assertTrue(row.contains("/claims/" + first.id + ","), "url is the claim's page: " + row);
        assertTrue(row.endsWith(",unconfirmed,"), "no attribution verdict yet, no kind: " + row);
        assertTrue(lines.get(1).endsWith(",misattributed,direct_quote"), lines.get(1));

        List<String> oldest = lines(export(viewer, "?sourceId=" + source.id + "&sort=oldest").asString());
        assertEquals(4, oldest.size());
        assertTrue(oldest.get(1).startsWith(first.id + ","), oldest.get(1));
        assertTrue(oldest.get(3).contains("Tariffs stayed the same."), oldest.get(3));

        List<String> searched = lines(export(viewer, "?q=tariffs&sourceId=" + source.id).asString());
        assertEquals(2, searched.size(), searched.toString());
    }

    @Test
    void statementsAreQuotedAndFormulasDefused() {
        String viewer = Accounts.create(Role.viewer);
        Source source = DeskData.source("=cmd|' /C calc'!A0", SourceKind.other);
        Claim formula = DeskData.claim(source, "=HYPERLINK(\"http://evil.example\",\"click\")");
        Claim quoted = DeskData.claim(source, "He said \"15,000\",\nthen left.");
        DeskData.claim(source, "@SUM(1+1)");
        DeskData.claim(source, "-5% is the figure");

        String csv = export(viewer, "?sourceId=" + source.id + "&sort=oldest").asString();
        List<String> lines = lines(csv);
        String sourceCell = "'" + source.name;
        assertTrue(lines.get(1).startsWith(formula.id
                + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"," + sourceCell + ","), lines.get(1));
        assertTrue(csv.contains(quoted.id + ",\"He said \"\"15,000\"\",\nthen left.\","), csv);
        assertTrue(csv.contains(",'@SUM(1+1),"), csv);
        assertTrue(csv.contains(",'-5% is the figure,"), csv);
    }

    @Test
    void theClaimsListLinksToTheExportOfItsFilter() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        Source source = DeskData.source("linked", SourceKind.person);
        DeskData.claim(source, "A claim to export from the page.", ClaimStatus.verified, null);
        String page = viewer.get("/claims?status=verified&sourceId=" + source.id).then().statusCode(200).extract()
                .asString();
        Matcher link = Pattern.compile("href=\"(/api/exports/claims\\.csv[^\"]*)\"").matcher(page);
        assertTrue(link.find(), "the list links to its export");
        String href = link.group(1);
        assertTrue(href.contains("status=verified") && href.contains("sourceId=" + source.id), href);
        Response csv = viewer.follow(href);
        csv.then().statusCode(200);
        List<String> lines = lines(csv.asString());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("A claim to export from the page."));
    }

    @Test
    void aBadFilterIsAProblemAndNoLoginIs401() {
        String viewer = Accounts.create(Role.viewer);
        export(viewer, "?status=maybe").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        given().get("/api/exports/claims.csv").then().statusCode(401).contentType("application/problem+json");
    }
}
