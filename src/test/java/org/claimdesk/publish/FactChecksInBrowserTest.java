package org.claimdesk.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class FactChecksInBrowserTest {

    @Test
    void aReviewerPublishesInChromiumAndALoggedOutReaderSeesTheFactCheckWithItsClaimReview() {
        Desk desk = new Desk();
        long id = desk.decided("Rice harvest hit a record " + System.nanoTime(), "disputed");
        String statement = DeskData.findClaim(id).statement;
        try (Browser browser = Browser.open()) {
            browser.logIn(desk.reviewer, Accounts.PASSWORD).go("/claims/" + id);
            browser.submit(browser.driver().findElement(By.xpath("//button[normalize-space()='Publish']")));
            assertTrue(browser.text(".flash").contains("Published the fact-check"), browser.text(".flash"));
        }
        String slug = Desk.slug(id);
        try (Browser reader = Browser.open()) {
            reader.go("/fact-checks/" + slug);
            assertEquals(statement, reader.text("h1"));
            assertTrue(reader.text(".fact-check-verdict").contains("Disputed"));
            assertTrue(reader.text(".facts").contains("Claimdesk Test Desk"));
            Object parsed = reader.script("return JSON.parse(document.querySelector("
                    + "'script[type=\"application/ld+json\"]').textContent).claimReviewed");
            assertEquals(statement, parsed);
            reader.go("/fact-checks");
            assertTrue(reader.find("main").getText().contains(statement));
        }
    }
}
