package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.ToolCondition;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Pasting a BBC article into the import page proposes one source per speaker, under the full name it gives. */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class SpeakersInBrowserTest {

    private static final Path SAMPLES = Path.of(System.getProperty("samples", "../shared/samples"));

    @ParameterizedTest
    @ValueSource(strings = { "bbc-politics-fox-attacks-blair", "bbc-politics-howard-rebuts-asylum-criticisms" })
    void aPastedBbcArticleShowsEachSpeakerOnceUnderTheirFullName(String article) throws IOException {
        Path text = SAMPLES.resolve(article + ".txt");
        ToolCondition.assume(Tools.Tool.DATA);
        String raw = Files.readString(text, StandardCharsets.UTF_8);
        String title = raw.substring(0, raw.indexOf('\n')).strip();
        String body = raw.substring(raw.indexOf("\n\n") + 2);
        JsonNode gold = new ObjectMapper().readTree(SAMPLES.resolve(article + ".resolution.json").toFile());

        String username = Accounts.create(Role.reviewer);
        try (Browser browser = Browser.open()) {
            browser.logIn(username, Accounts.PASSWORD);
            browser.go("/articles/new");
            browser.find("#title").sendKeys(Accounts.uniqueName(title));
            browser.find("#body").sendKeys(body);
            browser.submit(browser.driver().findElement(By.xpath("//button[normalize-space()='Find claims and review']")));
            assertTrue(browser.title().startsWith("Review"), browser.title());

            Set<String> shown = new LinkedHashSet<>();
            for (WebElement source : browser.driver().findElements(By.cssSelector("[data-candidate] .candidate-source"))) {
                for (String name : source.getText().replace("new source", "").split(";")) {
                    shown.add(name.strip());
                }
            }
            List<String> speakers = new ArrayList<>();
            gold.path("claims").forEach(c -> speakers.add(c.path("source").asText()));
            for (Map.Entry<String, JsonNode> entity : gold.path("entities").properties()) {
                if (!speakers.contains(entity.getKey())) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                entity.getValue().forEach(n -> names.add(n.asText()));
                assertTrue(names.stream().anyMatch(shown::contains), entity.getKey() + " is shown by one of " + names
                        + " among " + shown);
                String[] words = entity.getKey().split(" ");
                String surname = words[words.length - 1];
                // its names, and any name ending in its surname that is no other speaker's ("Mr Blair" would count,
                // "Michael Howard" does not for Sandra Howard)
                long forms = shown.stream().filter(s -> names.contains(s) || (s.endsWith(" " + surname)
                        || s.equals(surname)) && !otherNames(gold, entity.getKey()).contains(s)).count();
                assertEquals(1, forms, "one proposed source for " + entity.getKey() + " among " + shown);
            }
            for (String name : shown) {
                assertFalse(name.matches("(Mr|Mrs|Ms|Dr|Sen\\.?|Rep\\.?|Gov\\.?|President) \\S+"),
                        "a title with a surname is resolved to the full name: " + name);
                assertFalse(name.matches("(?i)(he|she|they|it|the .*)"), "a pronoun or description is resolved: " + name);
            }
        }
    }

    private static Set<String> otherNames(JsonNode gold, String entity) {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> other : gold.path("entities").properties()) {
            if (!other.getKey().equals(entity)) {
                other.getValue().forEach(n -> names.add(n.asText()));
                names.add(other.getKey());
            }
        }
        return names;
    }
}
