package org.claimdesk.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.audit.AuditEntry;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RatingMappingsTest {

    private static List<String> audit(String label) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "action = 'rating.changed' and target = ?1 order by id", label).stream()
                .map(e -> e.actor.username + ": " + e.detail).toList());
    }

    private static String statusOf(String label) {
        return QuarkusTransaction.requiringNew().call(() -> RatingMapping.statusFor(label).map(ClaimStatus::name)
                .orElse("none"));
    }

    @Test
    void anAdminAddsChangesAndRemovesAWordingAndEachChangeIsAudited() {
        String label = "four pinocchios " + System.nanoTime();
        DeskClient admin = Accounts.logInAsAdmin();
        String page = admin.get("/admin/ratings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("pants on fire"), "the defaults are listed");

        assertEquals(303, admin.post("/admin/ratings", "label", "  " + label.toUpperCase() + "! ", "status",
                "disputed").statusCode());
        assertEquals("disputed", statusOf(label));
        admin.get("/admin/ratings");
        assertEquals(303, admin.post("/admin/ratings", "label", label, "status", "unverified").statusCode());
        assertEquals("unverified", statusOf(label));
        admin.get("/admin/ratings");
        assertEquals(303, admin.post("/admin/ratings/delete", "label", label).statusCode());
        assertEquals("none", statusOf(label));

        assertEquals(List.of("admin: (none) → disputed", "admin: disputed → unverified", "admin: unverified → (none)"),
                audit(label));
    }

    @Test
    void badInputIsExplainedAndOnlyAdminsEditTheMapping() {
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/ratings");
        var refused = admin.post("/admin/ratings", "label", "  !! ", "status", "disputed");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Enter the rating"), refused.asString());
        admin.get("/admin/ratings");
        assertEquals(400, admin.post("/admin/ratings", "label", "whatever", "status", "maybe").statusCode());

        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        assertEquals(403, reviewer.get("/admin/ratings").statusCode());
        reviewer.get("/claims");
        assertEquals(403, reviewer.post("/admin/ratings", "label", "sneaky", "status", "verified").statusCode());
        assertEquals("none", statusOf("sneaky"));
    }
}
