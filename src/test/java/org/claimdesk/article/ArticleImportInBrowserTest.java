package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class ArticleImportInBrowserTest {

    @Test
    void aReviewerPastesTheSampleArticleReviewsItsNineClaimsAndSavesThem() {
        String username = Accounts.create(Role.reviewer);
        String title = Accounts.uniqueName("Shells in Chromium");
        try (Browser browser = Browser.open()) {
            pasteTheSample(browser.logIn(username, Accounts.PASSWORD), title);

            assertTrue(browser.title().startsWith("Review"), browser.title());
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-candidate]"));
            for (SampleArticle.Required required : SampleArticle.REQUIRED) {
                boolean shown = rows.stream().anyMatch(row -> {
                    String quote = row.findElement(By.cssSelector(".candidate-quote")).getText();
                    String sources = row.findElement(By.cssSelector(".candidate-source")).getText();
                    return required.sentence().contains(quote) && required.sources().stream().allMatch(sources::contains);
                });
                assertTrue(shown, "a row for: " + required.sentence() + " by " + required.sources());
            }
            String text = browser.text(".import-text .article-text");
            assertTrue(!text.contains("You may also like"), "the boilerplate is not part of the article");

            // keyboard: j goes to the first row, r leaves it out, k back to it, a adds it again
            WebElement first = rows.get(0);
            Select decision = new Select(first.findElement(By.cssSelector("[data-decision]")));
            String before = decision.getFirstSelectedOption().getAttribute("value");
            browser.find("body").sendKeys("j");
            browser.find("body").sendKeys("r");
            assertEquals("reject", decision.getFirstSelectedOption().getAttribute("value"));
            browser.driver().switchTo().activeElement().sendKeys("k");
            browser.driver().switchTo().activeElement().sendKeys(before.equals("link") ? "l" : "a");
            assertEquals(before, decision.getFirstSelectedOption().getAttribute("value"));
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);

            browser.submit(browser.driver().findElement(By.xpath(
                    "//button[normalize-space()='Save the article and the added claims']")));
            assertTrue(browser.driver().getCurrentUrl().matches(".*/articles/\\d+"), browser.driver().getCurrentUrl());
            assertTrue(browser.text(".flash").startsWith("Added the article"), browser.text(".flash"));
            long articleId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
            long claims = DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1", articleId);
            assertTrue(claims >= SampleArticle.REQUIRED.size() + 1, "one claim per source: " + claims);
            List<WebElement> marks = browser.driver().findElements(By.cssSelector(".article-text a.claim-mark mark"));
            assertTrue(marks.size() >= SampleArticle.REQUIRED.size(), "claims highlighted: " + marks.size());
            for (SampleArticle.Required required : SampleArticle.REQUIRED) {
                String sentence = required.sentence();
                assertTrue(marks.stream().anyMatch(m -> sentence.contains(m.getText())), sentence);
            }
        }
    }

    @Test
    void withoutJavaScriptTheReviewFormStillDecidesAndSaves() {
        String username = Accounts.create(Role.reviewer);
        String title = Accounts.uniqueName("Shells without scripts");
        try (Browser browser = Browser.withoutJavaScript()) {
            pasteTheSample(browser.logIn(username, Accounts.PASSWORD), title);
            assertTrue(browser.find("#shortcut-hint").getAttribute("hidden") != null, "no shortcuts without scripts");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-candidate]"));
            for (WebElement row : rows.subList(1, rows.size())) {
                new Select(row.findElement(By.cssSelector("[data-decision]"))).selectByValue("reject");
            }
            browser.submit(browser.driver().findElement(By.xpath(
                    "//button[normalize-space()='Save the article and the added claims']")));
            long articleId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
            assertEquals(1, DeskData.number("SELECT count(*) FROM claim WHERE article_id = ?1", articleId));
            assertEquals(1, browser.driver().findElements(By.cssSelector(".article-text a.claim-mark")).size());
        }
    }

    /** Pastes the sample article into the import page, as a person would type it, and asks for its claims. */
    private static void pasteTheSample(Browser browser, String title) {
        browser.go("/articles/new");
        browser.find("#title").sendKeys(title);
        browser.find("#body").sendKeys(SampleArticle.TEXT);
        browser.submit(browser.driver().findElement(By.xpath("//button[normalize-space()='Find claims and review']")));
    }
}
