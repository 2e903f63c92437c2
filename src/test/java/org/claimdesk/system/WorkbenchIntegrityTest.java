package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.claimdesk.claim.Claim;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The database itself refuses bad data and rewrites of history, whatever the application does. */
@QuarkusTest
class WorkbenchIntegrityTest {

    @Inject
    DataSource dataSource;

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String message(SQLException e) {
        return e.getMessage();
    }

    @Test
    void theDatabaseRejectsAnInvalidStatusEvenFromRawSql() {
        Claim claim = DeskData.claim(DeskData.source("Raw", SourceKind.other), "Raw SQL cannot set a bogus status.");
        SQLException refused = assertThrows(SQLException.class,
                () -> sql("UPDATE claim SET status = 'probably' WHERE id = " + claim.id));
        assertTrue(message(refused).contains("claim_status_check"), message(refused));
        SQLException insert = assertThrows(SQLException.class, () -> sql("INSERT INTO claim (id, statement, "
                + "source_id, status) VALUES (nextval('claim_seq'), 'x', " + claim.source.id + ", 'true')"));
        assertTrue(message(insert).contains("claim_status_check"), message(insert));
        assertEquals("unverified", DeskData.findClaim(claim.id).status.name());
    }

    @Test
    void theDatabaseRejectsBlankStatementsBadStancesAndUnsafeEvidenceLinks() {
        Claim claim = DeskData.claim(DeskData.source("Checks", SourceKind.other), "Constraints hold.");
        Reviewer reviewer = Accounts.find(Accounts.create(Role.reviewer));
        assertThrows(SQLException.class, () -> sql("UPDATE claim SET statement = '   ' WHERE id = " + claim.id));
        assertThrows(SQLException.class, () -> sql("UPDATE claim SET source_id = 999999999 WHERE id = " + claim.id));
        assertThrows(SQLException.class, () -> sql("INSERT INTO review (id, claim_id, reviewer_id, previous_status, "
                + "status, rationale, claim_version) VALUES (nextval('review_seq'), " + claim.id + ", " + reviewer.id
                + ", 'unverified', 'verified', '', 0)")); // verified needs a rationale
        String review = "INSERT INTO review (id, claim_id, reviewer_id, previous_status, status, rationale, "
                + "claim_version) VALUES (%d, " + claim.id + ", " + reviewer.id + ", 'unverified', 'disputed', 'r', 0)";
        long reviewId = DeskData.number("SELECT nextval('review_seq')");
        assertThrows(SQLException.class, () -> sql(String.format(review, reviewId)
                + "; INSERT INTO evidence (id, review_id, position, url, title, stance) VALUES (nextval('evidence_seq'), "
                + reviewId + ", 0, 'javascript:alert(1)', 't', 'supports')"));
        assertThrows(SQLException.class, () -> sql(String.format(review, reviewId)
                + "; INSERT INTO evidence (id, review_id, position, url, title, stance) VALUES (nextval('evidence_seq'), "
                + reviewId + ", 0, 'https://example.org', 't', 'agrees')"));
        assertEquals(0, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
    }

    @Test
    void historyRowsCannotBeUpdatedOrDeletedByTheApplicationsRole() throws SQLException {
        Claim claim = DeskData.claim(DeskData.source("History", SourceKind.other), "History is append-only.");
        Reviewer reviewer = Accounts.find(Accounts.create(Role.reviewer));
        long reviewId = DeskData.number("SELECT nextval('review_seq')");
        sql("INSERT INTO review (id, claim_id, reviewer_id, previous_status, status, rationale, claim_version) VALUES ("
                + reviewId + ", " + claim.id + ", " + reviewer.id + ", 'unverified', 'disputed', 'original', 0)");
        SQLException update = assertThrows(SQLException.class,
                () -> sql("UPDATE review SET rationale = 'rewritten' WHERE id = " + reviewId));
        assertTrue(message(update).contains("append-only"), message(update));
        assertThrows(SQLException.class, () -> sql("DELETE FROM review WHERE id = " + reviewId));
        assertThrows(SQLException.class, () -> sql("TRUNCATE review CASCADE"));
        sql("INSERT INTO claim_edit (id, claim_id, reviewer_id, changes) VALUES (nextval('claim_edit_seq'), " + claim.id
                + ", " + reviewer.id + ", '[{\"field\": \"statement\", \"from\": \"a\", \"to\": \"b\"}]')");
        assertThrows(SQLException.class, () -> sql("DELETE FROM claim_edit WHERE claim_id = " + claim.id));
        assertThrows(SQLException.class, () -> sql("UPDATE claim_edit SET changes = '[]' WHERE claim_id = " + claim.id));
        assertEquals(1, DeskData.number("SELECT count(*) FROM review WHERE id = ?1 AND rationale = 'original'", reviewId));
        // one decision per claim version, even from raw SQL
        assertThrows(SQLException.class, () -> sql("INSERT INTO review (id, claim_id, reviewer_id, previous_status, "
                + "status, rationale, claim_version) VALUES (nextval('review_seq'), " + claim.id + ", " + reviewer.id
                + ", 'unverified', 'verified', 'again', 0)"));
    }
}
