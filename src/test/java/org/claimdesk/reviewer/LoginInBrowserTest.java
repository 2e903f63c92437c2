package org.claimdesk.reviewer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class LoginInBrowserTest {

    @Test
    void aReviewerLogsInAndOutInChromium() {
        String username = Accounts.create(Role.reviewer);
        try (Browser browser = Browser.open()) {
            browser.logIn(username, Accounts.PASSWORD);
            assertTrue(browser.text("header").contains(username), browser.text("header"));

            browser.submit(browser.driver().findElement(By.xpath("//button[normalize-space()='Log out']")));
            assertTrue(browser.driver().getCurrentUrl().contains("/login"), browser.driver().getCurrentUrl());
            browser.go("/claims");
            assertTrue(browser.driver().getCurrentUrl().contains("/login"), "logged out, the desk asks for a login");
        }
    }
}
