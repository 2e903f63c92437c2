package org.claimdesk.reviewer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountsTest {

    private static final String STRONG = "a long and unusual passphrase";

    @Test
    void processCreationFormCreatesAReviewerWhoCanThenLogIn() {
        String pageMade = Accounts.uniqueName("page-made");
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/accounts/new").then().statusCode(200).body(containsString("New account"));
        admin.post("/admin/accounts", "username", pageMade, "password", STRONG, "role", "reviewer")
                .then().statusCode(303).header("Location", endsWith("/admin/accounts"));
        admin.get("/admin/accounts").then().statusCode(200)
                .body(containsString("Created the account &quot;" + pageMade + "&quot; (reviewer)"))
                .body(containsString(pageMade));

        Reviewer stored = Accounts.find(pageMade);
        assertEquals("reviewer", stored.role);
        assertTrue(stored.passwordHash.startsWith("$2"), "stored as bcrypt");
        assertFalse(stored.passwordHash.contains(STRONG));
        assertTrue(DeskClient.loggedIn(pageMade, STRONG).hasSession());
    }

    @Test
    void processCreationFormHasErrorsShowsThemWithA400AndKeepsTheInput() {
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/accounts/new");
        admin.post("/admin/accounts", "username", "weak-one", "password", "password1234", "role", "reviewer")
                .then().statusCode(400)
                .body(containsString("This password is one of the most common ones."))
                .body(containsString("value=\"weak-one\""))
                .body(not(containsString("password1234")));
        assertEquals(0, Accounts.count("weak-one"));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndStoresNothing() {
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/accounts/new");
        admin.postWithoutToken("/admin/accounts", "username", "csrf-victim", "password", STRONG, "role", "admin")
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("reload the page and try again"));
        assertEquals(0, Accounts.count("csrf-victim"));
    }

    @Test
    void aWriteThatIsNotAFormCannotSkipTheCsrfCheck() {
        Opened opened = openedByAdmin(Role.reviewer);
        String username = opened.username();
        Reviewer account = opened.account();
        DeskClient admin = opened.admin();
        admin.request().contentType("text/plain; charset=UTF-8").body("active=false".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/admin/accounts/" + account.id + "/active").then().statusCode(415)
                .body(containsString("Pages accept changes only from their own forms."));
        admin.request().contentType("text/plain").body("x").post("/logout").then().statusCode(415);
        admin.request().post("/logout").then().statusCode(400); // no body at all: the CSRF filter refuses it
        assertTrue(Accounts.find(username).active);
        admin.get("/").then().statusCode(200);
    }

    @Test
    void aFormWithoutTheVersionIsRefusedWith400() {
        Opened opened = openedByAdmin(Role.viewer);
        opened.admin().post("/admin/accounts/" + opened.account().id + "/active", "active", "false")
                .then().statusCode(400).body(containsString("lacks the version"));
        assertTrue(Accounts.find(opened.username()).active);
    }

    @Test
    void anAdminCannotResetTheirOwnPasswordWithoutTheCurrentOne() {
        String admin = Accounts.create(Role.admin);
        DeskClient browser = DeskClient.loggedIn(admin, Accounts.PASSWORD);
        Reviewer me = Accounts.find(admin);
        change(browser, me, "password", "password", STRONG).then().statusCode(409)
                .body(containsString("Change your own password on your account page"));
        assertTrue(DeskClient.loggedIn(admin, Accounts.PASSWORD).hasSession());
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        String first = Accounts.create(Role.admin);
        String second = Accounts.create(Role.admin);
        // only these two may be active admins for this test: park the others as reviewers for its duration
        java.util.List<Reviewer> others = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> Reviewer.<Reviewer> list("role = 'admin' and active = true and username not in ?1",
                        java.util.List.of(first, second)));
        setRoles(others, "reviewer");
        try {
            DeskClient firstBrowser = DeskClient.loggedIn(first, Accounts.PASSWORD);
            DeskClient secondBrowser = DeskClient.loggedIn(second, Accounts.PASSWORD);
            Reviewer firstAccount = Accounts.find(first);
            Reviewer secondAccount = Accounts.find(second);
            firstBrowser.get("/admin/accounts/" + secondAccount.id);
            secondBrowser.get("/admin/accounts/" + firstAccount.id);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var a = pool.submit(() -> firstBrowser.post("/admin/accounts/" + secondAccount.id + "/role", "role",
                    "viewer", "version", "" + secondAccount.version).statusCode());
            var b = pool.submit(() -> secondBrowser.post("/admin/accounts/" + firstAccount.id + "/role", "role",
                    "viewer", "version", "" + firstAccount.version).statusCode());
            java.util.List<Integer> statuses = java.util.List.of(a.get(), b.get());
            pool.shutdown();
            long admins = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(Reviewer::countActiveAdmins);
            assertEquals(1, admins, "statuses " + statuses);
            // the loser is refused either at the rule (409) or, when the winner's demotion landed first, at the
            // door: it is no longer an admin (403)
            assertTrue(statuses.contains(303) && (statuses.contains(409) || statuses.contains(403)),
                    statuses.toString());
        } finally {
            setRoles(others, "admin");
        }
    }

    private static void setRoles(java.util.List<Reviewer> accounts, String role) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> accounts.forEach(r -> Reviewer
                .update("role = ?1 where id = ?2", role, r.id)));
    }

    @Test
    void aPostWithAForgedCsrfTokenIsRefused() {
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/accounts/new");
        admin.postWithoutToken("/admin/accounts", DeskClient.CSRF_FIELD, "forged-token-value-forged-token-value-123",
                "username", "csrf-forged", "password", STRONG, "role", "admin").then().statusCode(400);
        assertEquals(0, Accounts.count("csrf-forged"));
    }

    @Test
    void aDeactivatedAccountCannotLogInAndLosesItsSessionAtOnce() {
        String username = Accounts.create(Role.reviewer);
        DeskClient victim = DeskClient.loggedIn(username, Accounts.PASSWORD);
        victim.get("/").then().statusCode(200);

        DeskClient admin = Accounts.logInAsAdmin();
        Reviewer account = Accounts.find(username);
        change(admin, account, "active", "active", "false")
                .then().statusCode(303);
        assertFalse(Accounts.find(username).active);

        victim.get("/").then().statusCode(302).header("Location", endsWith("/login"));
        DeskClient again = DeskClient.anonymous();
        again.login(username, Accounts.PASSWORD);
        assertFalse(again.hasSession(), "a deactivated account cannot log in");
        given().auth().preemptive().basic(username, Accounts.PASSWORD).get("/api/me").then().statusCode(401);

        Reviewer deactivated = Accounts.find(username);
        admin.get("/admin/accounts/" + account.id).then().body(containsString("Deactivated"));
        admin.post("/admin/accounts/" + account.id + "/active", "active", "true", "version", "" + deactivated.version)
                .then().statusCode(303);
        assertTrue(DeskClient.loggedIn(username, Accounts.PASSWORD).hasSession());
    }

    @Test
    void changingARoleTakesEffectOnTheNextRequest() {
        String username = Accounts.create(Role.viewer);
        Reviewer account = Accounts.find(username);
        DeskClient admin = Accounts.logInAsAdmin();
        change(admin, account, "role", "role", "admin")
                .then().statusCode(303);
        assertEquals("admin", Accounts.find(username).role);
        given().auth().preemptive().basic(username, Accounts.PASSWORD).get("/api/admin/accounts").then().statusCode(200);
    }

    @Test
    void aStaleEditIsRefusedWith409AndChangesNothing() {
        String username = Accounts.create(Role.viewer);
        Reviewer account = Accounts.find(username);
        DeskClient first = Accounts.logInAsAdmin();
        DeskClient second = Accounts.logInAsAdmin();
        first.get("/admin/accounts/" + account.id);
        second.get("/admin/accounts/" + account.id);
        first.post("/admin/accounts/" + account.id + "/role", "role", "reviewer", "version", "" + account.version)
                .then().statusCode(303);
        second.post("/admin/accounts/" + account.id + "/role", "role", "admin", "version", "" + account.version)
                .then().statusCode(409).body(containsString("Someone else changed the account"));
        assertEquals("reviewer", Accounts.find(username).role);
    }

    @Test
    void anAdminResetsAPasswordAndEndsTheAccountsSessions() {
        String username = Accounts.create(Role.reviewer);
        DeskClient theirBrowser = DeskClient.loggedIn(username, Accounts.PASSWORD);
        Reviewer account = Accounts.find(username);
        DeskClient admin = Accounts.logInAsAdmin();
        change(admin, account, "password", "password", STRONG)
                .then().statusCode(303);
        theirBrowser.get("/").then().statusCode(302);
        assertFalse(DeskClient.anonymous().login(username, Accounts.PASSWORD).getCookies()
                .containsKey(DeskClient.SESSION_COOKIE));
        assertTrue(DeskClient.loggedIn(username, STRONG).hasSession());
    }

    @Test
    void noLoginWithTheOldPasswordOutlivesAReset() throws Exception {
        String username = Accounts.create(Role.reviewer);
        Reviewer account = Accounts.find(username);
        DeskClient admin = Accounts.logInAsAdmin();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        var logins = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 6; i++) {
            logins.add(pool.submit(() -> {
                while (!stop.get()) {
                    DeskClient.anonymous().login(username, Accounts.PASSWORD);
                }
                return null;
            }));
        }
        Thread.sleep(300);
        change(admin, account, "password", "password", STRONG).then().statusCode(303);
        Thread.sleep(300);
        stop.set(true);
        for (var login : logins) {
            login.get();
        }
        pool.shutdown();
        long open = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Reviewer
                .getEntityManager().createNativeQuery("SELECT count(*) FROM reviewer_session WHERE reviewer_id = ?1 "
                        + "AND ended_at IS NULL").setParameter(1, account.id).getSingleResult()).longValue());
        assertEquals(0, open, "every session opened with the old password has ended");
    }

    @Test
    void theLastActiveAdministratorCannotBeDemoted() {
        String last = Accounts.create(Role.admin);
        java.util.List<Reviewer> others = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> Reviewer.<Reviewer> list("role = 'admin' and active = true and username <> ?1", last));
        setRoles(others, "reviewer");
        try {
            DeskClient admin = DeskClient.loggedIn(last, Accounts.PASSWORD);
            change(admin, Accounts.find(last), "role", "role", "viewer")
                    .then().statusCode(409).body(containsString("only active administrator"));
            assertEquals("admin", Accounts.find(last).role);
        } finally {
            setRoles(others, "admin");
        }
    }

    /** A new account whose page an admin has just opened. */
    private record Opened(String username, Reviewer account, DeskClient admin) {
    }

    private static Opened openedByAdmin(Role role) {
        String username = Accounts.create(role);
        Reviewer account = Accounts.find(username);
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/admin/accounts/" + account.id);
        return new Opened(username, account, admin);
    }

    /** Opens the account page, as an admin would, and posts one of its forms with the version it showed. */
    private static io.restassured.response.Response change(DeskClient admin, Reviewer account, String action,
            String... fields) {
        admin.get("/admin/accounts/" + account.id);
        String[] withVersion = java.util.Arrays.copyOf(fields, fields.length + 2);
        withVersion[fields.length] = "version";
        withVersion[fields.length + 1] = "" + account.version;
        return admin.post("/admin/accounts/" + account.id + "/" + action, withVersion);
    }

    @Test
    void theApiCreatesAnAccountWith201() {
        String apiMade = Accounts.uniqueName("api-made");
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"" + apiMade + "\",\"password\":\"" + STRONG + "\",\"role\":\"viewer\"}")
                .post("/api/admin/accounts").then().statusCode(201)
                .header("Location", endsWith("/api/admin/accounts/" + Accounts.find(apiMade).id))
                .body("username", equalTo(apiMade)).body("role", equalTo("viewer")).body("active", equalTo(true));
        assertTrue(DeskClient.loggedIn(apiMade, STRONG).hasSession());
    }

    @Test
    void theApiRefusesATakenName() {
        String taken = Accounts.create(Role.viewer);
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"" + taken + "\",\"password\":\"" + STRONG + "\",\"role\":\"viewer\"}")
                .post("/api/admin/accounts").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("already taken"));
    }

    @Test
    void twentyConcurrentCreationsOfOneNameGiveOne201AndNineteen409s() throws Exception {
        String raced = Accounts.uniqueName("raced");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD)
                            .contentType("application/json")
                            .body("{\"username\":\"" + raced + "\",\"password\":\"" + STRONG + "\",\"role\":\"viewer\"}")
                            .post("/api/admin/accounts").statusCode();
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, java.util.Collections.frequency(statuses, 201), statuses.toString());
            assertEquals(19, java.util.Collections.frequency(statuses, 409), statuses.toString());
            assertEquals(1, Accounts.count(raced));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApiRefusesAWeakPasswordWithAClearMessage() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"weak-api\",\"password\":\"short\",\"role\":\"viewer\"}")
                .post("/api/admin/accounts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("at least 12 characters"))
                .body("errors[0].field", equalTo("password"));
        assertEquals(0, Accounts.count("weak-api"));
    }

    @Test
    void theApiRefusesAnUnknownRole() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"role-api\",\"password\":\"" + STRONG + "\",\"role\":\"superuser\"}")
                .post("/api/admin/accounts").then().statusCode(400)
                .body("detail", containsString("Choose a role: admin, reviewer, viewer."));
        assertEquals(0, Accounts.count("role-api"));
    }

    @Test
    void theApiRefusesMalformedJsonWith400() {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\": [1, 2").post("/api/admin/accounts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
