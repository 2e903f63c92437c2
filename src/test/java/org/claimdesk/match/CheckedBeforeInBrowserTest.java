package org.claimdesk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.ToolCondition;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class CheckedBeforeInBrowserTest {

    static final Path CLAIMS = Path.of("../shared/datasets/checkthat-2020-claim-retrieval/verified_claims.docs.tsv");

    @Inject
    DataSource dataSource;

    @Inject
    ClaimVectors vectors;

    @Inject
    ClaimMatcher matcher;

    /**
     * A sample of the CheckThat! verified claims: the first 600, and every one about Biden, houses or Delaware, so
     * that the right one must beat its nearest rivals.
     */
    private List<Long> loadSample(Source source) throws Exception {
        List<String[]> rows = MatchEvaluation.Tsv.read(CLAIMS);
        List<String> statements = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String claim = rows.get(i).length > 1 ? rows.get(i)[1].strip() : "";
            String lower = claim.toLowerCase(Locale.ROOT);
            if (!claim.isEmpty() && (i <= 600 || lower.contains("biden") || lower.contains("house")
                    || lower.contains("delaware") || lower.contains("mansion"))) {
                statements.add(claim);
            }
        }
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long base;
            try (PreparedStatement reserve = connection.prepareStatement("SELECT nextval('claim_seq') + 100");
                    ResultSet rs = reserve.executeQuery()) {
                rs.next();
                base = rs.getLong(1);
            }
            // ids beyond any block Panache may have taken, as the generator reserves them
            try (PreparedStatement move = connection.prepareStatement("SELECT setval('claim_seq', ?)")) {
                move.setLong(1, base + statements.size() + 100);
                move.executeQuery().close();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO claim (id, statement, source_id) VALUES (?, ?, ?)")) {
                for (String statement : statements) {
                    long id = base + 1 + ids.size();
                    insert.setLong(1, id);
                    insert.setString(2, statement);
                    insert.setLong(3, source.id);
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
            }
            vectors.storeAll(connection, ids, statements);
            connection.commit();
            // the words' statistics as they are now, whatever other tests stored before: a desk after its nightly ANALYZE
            try (java.sql.Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE claim");
            }
            connection.commit();
        }
        matcher.forgetWords();
        return ids;
    }

    @Test
    void pastingBidensBiggestHouseListsTheBidenMansionClaimFirst() throws Exception {
        ToolCondition.assume(Tools.Tool.DATA);
        Source snopes = DeskData.source("Snopes sample", SourceKind.news_outlet);
        List<Long> ids = loadSample(snopes);
        assertTrue(ids.size() > 600, "the sample is loaded: " + ids.size());
        String username = Accounts.create(Role.viewer);
        for (boolean javascript : new boolean[] { true, false }) {
            try (Browser browser = javascript ? Browser.open() : Browser.withoutJavaScript()) {
                browser.logIn(username, Accounts.PASSWORD).go("/");
                WebElement box = browser.find("#checked-before-text");
                box.sendKeys("Biden has the biggest house in Delaware");
                browser.submit(browser.driver().findElement(By.xpath(
                        "//button[normalize-space()='Find matching claims']")));
                assertTrue(browser.path().startsWith("/checked-before"), browser.path());
                List<WebElement> matches = browser.all(".match-list .match");
                assertTrue(!matches.isEmpty(), "matches are listed");
                String first = matches.get(0).findElement(By.cssSelector(".match-statement")).getText();
                assertEquals("Former U.S. Vice President Joe Biden owns the largest mansion in his state.", first,
                        "javascript " + javascript);
                String why = matches.get(0).findElement(By.cssSelector(".match-why")).getText();
                assertTrue(why.startsWith("shared words: biden"), why);
                assertTrue(matches.get(0).getText().contains(snopes.name), "its source is named");
                assertEquals("Biden has the biggest house in Delaware", browser.find("#checked-before-text")
                        .getAttribute("value"), "the box keeps the text");
            }
        }
    }
}
