package org.claimdesk.reviewer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginTest {

    @Test
    void loginWithGoodCredentialsOpensTheDashboard() {
        String username = Accounts.create(Role.reviewer);
        DeskClient browser = DeskClient.anonymous();
        Response login = browser.login(username, Accounts.PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/"), login.header("Location"));
        browser.get("/").then().statusCode(200)
                .body(containsString("Signed in as <strong>" + username + "</strong>"))
                .body(containsString("Reviewer"));
    }

    @Test
    void usernamesAreNotCaseSensitiveAtLogin() {
        String username = Accounts.create(Role.viewer);
        DeskClient browser = DeskClient.anonymous();
        browser.login(username.toUpperCase(), Accounts.PASSWORD);
        assertTrue(browser.hasSession());
    }

    @Test
    void loginWithAWrongPasswordIsRefusedWithAMessage() {
        String username = Accounts.create(Role.reviewer);
        DeskClient browser = DeskClient.anonymous();
        Response login = browser.login(username, "not the password at all");
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/login?error=true"), login.header("Location"));
        assertFalse(browser.hasSession());
        browser.get("/login?error=true").then().statusCode(200)
                .body(containsString("The username or password is not correct"));
    }

    @Test
    void loginOfAnUnknownAccountIsRefused() {
        DeskClient browser = DeskClient.anonymous();
        browser.login("nobody-here", Accounts.PASSWORD);
        assertFalse(browser.hasSession());
    }

    @Test
    void logoutEndsTheSession() {
        DeskClient browser = Accounts.logIn(Role.viewer);
        browser.get("/").then().statusCode(200);
        browser.post("/logout").then().statusCode(303).header("Location", endsWith("/login?logged-out=true"));
        assertFalse(browser.hasSession());
        browser.get("/").then().statusCode(302).header("Location", endsWith("/login"));
        browser.get("/login?logged-out=true").then().body(containsString("You have logged out."));
    }

    @Test
    void aCopyOfTheSessionCookieIsWorthlessAfterLogout() {
        DeskClient browser = Accounts.logIn(Role.reviewer);
        String stolen = browser.cookie(DeskClient.SESSION_COOKIE);
        DeskClient thief = DeskClient.withSession(stolen);
        thief.get("/").then().statusCode(200);
        browser.get("/");
        browser.post("/logout").then().statusCode(303);
        thief.get("/").then().statusCode(302).header("Location", endsWith("/login"));
        thief.request().get("/api/me").then().statusCode(401);
    }

    @Test
    void aForgedSessionCookieIsIgnored() {
        DeskClient.withSession("bm90IGEgcmVhbCBzZXNzaW9uIGNvb2tpZQ==").get("/").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void loginLeadsBackToThePageFirstAskedFor() {
        String username = Accounts.create(Role.viewer);
        DeskClient browser = DeskClient.anonymous();
        browser.get("/account?tab=password").then().statusCode(302).header("Location", endsWith("/login"));
        Response login = browser.login(username, Accounts.PASSWORD);
        assertEquals("/account?tab=password", login.header("Location"));
    }

    @Test
    void aUsernameWithANulByteIsRefusedNotA500() {
        DeskClient browser = DeskClient.anonymous();
        Response login = browser.login("ad\u0000min", Accounts.ADMIN_PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/login?error=true"));
        io.restassured.RestAssured.given().auth().preemptive().basic("ad\u0000min", Accounts.ADMIN_PASSWORD)
                .get("/api/me").then().statusCode(401);
    }

    @Test
    void aLoginThatIsNotAFormIsRefusedNotA500() {
        Response json = DeskClient.anonymous().request().contentType("application/json")
                .body("{\"j_username\":\"admin\",\"j_password\":\"claimdesk-admin-demo\"}").post("/j_security_check");
        assertEquals(302, json.statusCode());
        assertTrue(json.header("Location").endsWith("/login?error=true"));
        Response empty = DeskClient.anonymous().request().post("/j_security_check");
        assertEquals(302, empty.statusCode());
    }

    @Test
    void loginNeverLeadsToAnotherSite() {
        String username = Accounts.create(Role.viewer);
        for (String target : new String[] { "%2F%2Fevil.example%2Fphish", "%2F%09%2Fevil.example",
                "%2F%5Cevil.example", "https%3A%2F%2Fevil.example", "%2F%0D%0ASet-Cookie%3Ax" }) {
            DeskClient browser = DeskClient.anonymous();
            browser.setCookie("claimdesk-return-to", target);
            assertEquals("/", browser.login(username, Accounts.PASSWORD).header("Location"), target);
        }
    }

    @Test
    void theLoginPageShowsNoPasswordsAndPostsToTheQuarkusFormCheck() {
        DeskClient.anonymous().get("/login").then().statusCode(200)
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("name=\"j_username\""))
                .body(containsString("name=\"j_password\""))
                .body(containsString("the passwords are in README.md"))
                .body(org.hamcrest.Matchers.not(containsString("claimdesk-admin-demo")));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String username = Accounts.create(Role.viewer);
        Response login = DeskClient.anonymous().login(username, Accounts.PASSWORD);
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DeskClient.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    }
}
