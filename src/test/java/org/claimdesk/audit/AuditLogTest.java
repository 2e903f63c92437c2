package org.claimdesk.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditLogTest {

    /** The entries naming {@code target}, oldest first, as "actor action detail". */
    private static List<String> entries(String target) {
        return DeskData.strings("SELECT coalesce(r.username, 'claimdesk') || ' ' || a.action || ' ' || a.detail "
                + "FROM audit_log a LEFT JOIN reviewer r ON r.id = a.actor_id WHERE a.target = ?1 ORDER BY a.id",
                target);
    }

    @Test
    void everyAdminActionOnAnAccountIsRecordedWithItsAdmin() {
        String adminName = Accounts.create(Role.admin);
        DeskClient admin = DeskClient.loggedIn(adminName, Accounts.PASSWORD);
        String name = Accounts.uniqueName("audited");
        admin.get("/admin/accounts/new");
        admin.post("/admin/accounts", "username", name, "password", Accounts.PASSWORD, "role", "viewer").then()
                .statusCode(303);
        Reviewer account = Accounts.find(name);
        admin.get("/admin/accounts/" + account.id);
        admin.post("/admin/accounts/" + account.id + "/role", "role", "reviewer", "version", "" + account.version)
                .then().statusCode(303);
        admin.post("/admin/accounts/" + account.id + "/active", "active", "false", "version",
                "" + Accounts.find(name).version).then().statusCode(303);
        admin.post("/admin/accounts/" + account.id + "/password", "password", "a brand new passphrase", "version",
                "" + Accounts.find(name).version).then().statusCode(303);
        assertEquals(List.of(adminName + " account.created role viewer",
                adminName + " account.role-changed viewer → reviewer",
                adminName + " account.deactivated role reviewer",
                adminName + " account.password-reset "), entries(name));
    }

    @Test
    void aRefusedActionLeavesNoEntry() {
        DeskClient admin = Accounts.logInAsAdmin();
        String name = Accounts.create(Role.viewer);
        Reviewer account = Accounts.find(name);
        admin.get("/admin/accounts/" + account.id);
        admin.post("/admin/accounts/" + account.id + "/role", "role", "admin", "version", "" + (account.version + 7))
                .then().statusCode(409);
        admin.post("/admin/accounts/" + account.id + "/role", "role", "emperor", "version", "" + account.version)
                .then().statusCode(400);
        assertEquals(List.of(), entries(name));
    }

    @Test
    void aSourceMergeIsRecordedInItsTransaction() {
        Source target = DeskData.source("Audit target", SourceKind.other);
        Source merged = DeskData.source("Audit merged", SourceKind.other);
        DeskData.claim(merged, "A claim that moves with the merge.");
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/sources/" + merged.id);
        admin.post("/sources/" + merged.id + "/merge", "target", target.name, "version", "" + merged.version).then()
                .statusCode(303);
        List<String> recorded = entries(target.name);
        assertEquals(1, recorded.size(), recorded.toString());
        assertTrue(recorded.get(0).startsWith("admin source.merged \"" + merged.name + "\""), recorded.get(0));
        assertTrue(recorded.get(0).contains("1 claims"), recorded.get(0));
    }

    @Test
    void adminsReadTheLogNewestFirstAndNobodyElseDoes() {
        DeskClient admin = Accounts.logInAsAdmin();
        String first = Accounts.uniqueName("older");
        String second = Accounts.uniqueName("newer");
        admin.get("/admin/accounts/new");
        admin.post("/admin/accounts", "username", first, "password", Accounts.PASSWORD, "role", "viewer");
        admin.post("/admin/accounts", "username", second, "password", Accounts.PASSWORD, "role", "viewer");
        String page = admin.get("/admin/audit").then().statusCode(200).extract().asString();
        assertTrue(page.indexOf(second) >= 0 && page.indexOf(second) < page.indexOf(first),
                "the newer entry comes first");
        admin.get("/").then().body(containsString("href=\"/admin/audit\""));
        Accounts.logIn(Role.reviewer).get("/admin/audit").then().statusCode(403);
        Accounts.logIn(Role.viewer).get("/admin/audit").then().statusCode(403);
        DeskClient.anonymous().get("/admin/audit").then().statusCode(302);
    }

    @Test
    void theLogIsPagedAndRefusesNonsensePageNumbers() {
        DeskClient admin = Accounts.logInAsAdmin();
        long total = DeskData.number("SELECT count(*) FROM audit_log");
        long pages = Math.max(1, (total + AuditLog.PAGE_SIZE - 1) / AuditLog.PAGE_SIZE);
        admin.get("/admin/audit?page=" + (pages + 1)).then().statusCode(200)
                .body(containsString("There are no entries on this page."));
        for (String nonsense : List.of("0", "-1", "abc", "99999999999", "1e3")) {
            admin.get("/admin/audit?page=" + nonsense).then().statusCode(400)
                    .body(containsString("The page number must be a whole number"));
        }
    }
}
