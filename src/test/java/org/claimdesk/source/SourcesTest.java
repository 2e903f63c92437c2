package org.claimdesk.source;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SourcesTest {

    private static final String KCNA = "Korean Central News Agency (KCNA)";

    @Test
    void aReviewerAddsASourceAndItsProfileShowsIt() {
        String username = Accounts.create(Role.reviewer);
        DeskClient reviewer = DeskClient.loggedIn(username, Accounts.PASSWORD);
        String name = SourceFixtures.uniqueName("Pyongyang Times");
        reviewer.get("/sources/new").then().statusCode(200).body(containsString("New source"));
        Response created = reviewer.post("/sources", "name", name, "kind", "news_outlet", "country", "kp",
                "aliases", "The Pyongyang Times\n  the pyongyang times \n" + name + "\n\nPT weekly",
                "description", "An English-language weekly.", "website", "https://example.org/pt");
        created.then().statusCode(303).header("Location", containsString("/sources/"));

        long id = idFrom(created);
        reviewer.get("/sources/" + id).then().statusCode(200)
                .body(containsString("Added the source &quot;" + name + "&quot;."))
                .body(containsString("<h1><bdi>" + name + "</bdi></h1>"))
                .body(containsString("News outlet"))
                .body(containsString("North Korea (KP)"))
                .body(containsString("<li><bdi>The Pyongyang Times</bdi></li>"))
                .body(containsString("<li><bdi>PT weekly</bdi></li>"))
                .body(containsString("href=\"https://example.org/pt\""))
                .body(containsString("An English-language weekly."))
                .body(containsString("Added by</dt><dd>" + username));
        Source stored = SourceFixtures.find(id).orElseThrow();
        assertEquals(List.of("The Pyongyang Times", "PT weekly"), stored.aliases);
        assertEquals("KP", stored.country);
        assertEquals(SourceKind.news_outlet, stored.kind);
        assertEquals(username, SourceFixtures.createdBy(id));
    }

    @Test
    void theCreationFormWithErrorsShowsThemWithA400KeepsTheInputAndStoresNothing() {
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        String name = SourceFixtures.uniqueName("Half-filled");
        reviewer.get("/sources/new");
        reviewer.post("/sources", "name", name, "kind", "wizard", "country", "XX", "aliases", "Kept alias",
                "website", "ftp://example.org", "description", "Kept description").then().statusCode(400)
                .body(containsString("The source was not saved."))
                .body(containsString("value=\"" + name + "\""))
                .body(containsString("Kept alias</textarea>"))
                .body(containsString("Kept description</textarea>"))
                .body(containsString("Choose a kind from the list"))
                .body(containsString("two-letter ISO 3166 code"))
                .body(containsString("must be a web address starting with http:// or https://"));
        assertEquals(0, SourceFixtures.count(name));

        reviewer.post("/sources", "name", " ", "kind", "").then().statusCode(400)
                .body(containsString("Enter the name.")).body(containsString("Choose the kind of source."));
    }

    @Test
    void aNameTakenInAnotherCaseIsRefusedWith409() {
        String name = SourceFixtures.uniqueName("Daily Example");
        DeskData.source(name, SourceKind.news_outlet, null);
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/sources/new");
        reviewer.post("/sources", "name", name.toUpperCase(), "kind", "news_outlet").then().statusCode(409)
                .body(containsString("Another source already has this name"))
                .body(containsString("value=\"" + name.toUpperCase() + "\""));
        assertEquals(1, SourceFixtures.count(name));
    }

    @Test
    void theListFindsKcnaByAFullAliasAndByThePartOfANameBeingTyped() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/sources?q=North Korea's official news agency").then().statusCode(200)
                .body(containsString(KCNA)).body(not(containsString("Vladimir Putin")));
        viewer.get("/sources?q=Korean Cent").then().statusCode(200).body(containsString(KCNA))
                .body(containsString("value=\"Korean Cent\""));
        viewer.get("/sources?q=kcna").then().statusCode(200).body(containsString(KCNA));
        viewer.get("/sources?q=no such source anywhere").then().statusCode(200)
                .body(containsString("No source matches this search."));
    }

    @Test
    void theKindAndCountryFiltersNarrowTheList() {
        String prefix = SourceFixtures.uniqueName("Filtered");
        DeskData.source(prefix + " NGO in France", SourceKind.ngo, "FR");
        DeskData.source(prefix + " company in France", SourceKind.company, "FR");
        DeskData.source(prefix + " NGO in Germany", SourceKind.ngo, "DE");
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/sources?q=" + prefix + "&kind=ngo&country=fr").then().statusCode(200)
                .body(containsString(prefix + " NGO in France"))
                .body(not(containsString(prefix + " company in France")))
                .body(not(containsString(prefix + " NGO in Germany")))
                .body(containsString("<option value=\"ngo\" selected>"));
        viewer.get("/sources?country=JP").then().statusCode(200).body(containsString("Government of Japan"))
                .body(not(containsString("Government of South Korea")));
        viewer.get("/sources?kind=state_media").then().statusCode(200).body(containsString(KCNA))
                .body(not(containsString("Government of Japan")));
        viewer.get("/sources?kind=wizard").then().statusCode(400).body(containsString("Filter by a kind"));
    }

    @Test
    void theListShowsClaimCountsAndPagesFiftySourcesAtATime() {
        String prefix = SourceFixtures.uniqueName("Paged");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 52; i++) {
                Source source = new Source();
                source.name = prefix + String.format(" %03d", i);
                source.kind = SourceKind.other;
                source.persist();
            }
        });
        Source first = SourceFixtures.byName(prefix + " 000");
        DeskData.claim(first, "Paged claim one", ClaimStatus.disputed, null);
        DeskData.claim(first, "Paged claim two", ClaimStatus.disputed, null);
        DeskClient viewer = Accounts.logIn(Role.viewer);

        Response page1 = viewer.get("/sources?q=" + prefix);
        page1.then().statusCode(200).body(containsString(prefix + " 049")).body(not(containsString(prefix + " 050")))
                .body(containsString("2 disputed")).body(not(containsString("Previous page")));
        Response page2 = follow(viewer, link(page1.asString(), "next"));
        page2.then().statusCode(200).body(containsString(prefix + " 050")).body(containsString(prefix + " 051"))
                .body(not(containsString(prefix + " 049"))).body(not(containsString("Next page")));
        Response back = follow(viewer, link(page2.asString(), "prev"));
        back.then().statusCode(200).body(containsString(prefix + " 000")).body(containsString(prefix + " 049"))
                .body(not(containsString(prefix + " 050")));
    }

    @Test
    void theProfileShowsClaimsByStatusAsABarAsNumbersAndAsShares() {
        Source source = DeskData.source(SourceFixtures.uniqueName("Counted"), SourceKind.military, "KR");
        DeskData.claim(source, "The first claim was checked.", ClaimStatus.verified, null);
        Claim disputed = DeskData.claim(source, "The second claim was disputed.", ClaimStatus.disputed, null);
        DeskData.claim(source, "The third claim waits.", ClaimStatus.unverified, null);
        DeskData.claim(source, "The fourth claim waits too.", ClaimStatus.unverified, null);
        Accounts.logIn(Role.viewer).get("/sources/" + source.id).then().statusCode(200)
                .body(containsString("<svg"))
                .body(containsString("role=\"img\""))
                .body(containsString("aria-label=\"Claims by status: 1 verified, 1 disputed, 2 unverified\""))
                .body(containsString("Of all its 4 claims, <strong>25% verified</strong>"))
                .body(containsString("<strong>25% disputed</strong>"))
                .body(containsString("The second claim was disputed."))
                .body(containsString("href=\"/claims/" + disputed.id + "\""))
                .body(containsString("href=\"/claims?sourceId=" + source.id + "\""))
                .body(containsString("Claimdesk (demo data or import)"))
                .body(not(containsString("Merge this source into")))
                .body(not(containsString("Edit source")));
    }

    @Test
    void aReviewerEditsASourceAndTheProfileShowsTheChange() {
        Source source = DeskData.source(SourceFixtures.uniqueName("Before edit"), SourceKind.person, null);
        String username = Accounts.create(Role.reviewer);
        DeskClient reviewer = DeskClient.loggedIn(username, Accounts.PASSWORD);
        String renamed = SourceFixtures.uniqueName("After edit");
        reviewer.get("/sources/" + source.id + "/edit").then().statusCode(200)
                .body(containsString("value=\"" + source.name + "\""))
                .body(containsString("name=\"version\" value=\"" + source.version + "\""));
        reviewer.post("/sources/" + source.id, "version", "" + source.version, "name", renamed, "kind", "person",
                "country", "ru", "aliases", "Nickname").then().statusCode(303)
                .header("Location", endsWith("/sources/" + source.id));
        reviewer.get("/sources/" + source.id).then().statusCode(200).body(containsString("<h1><bdi>" + renamed + "</bdi></h1>"))
                .body(containsString("Russia (RU)")).body(containsString("Last changed by</dt><dd>" + username));
        Source stored = SourceFixtures.find(source.id).orElseThrow();
        assertEquals(renamed, stored.name);
        assertEquals(List.of("Nickname"), stored.aliases);
        assertEquals(source.version + 1, stored.version);
    }

    @Test
    void aStaleEditIsRefusedWith409ShowingTheirValueAndKeepingYours() {
        Source source = DeskData.source(SourceFixtures.uniqueName("Contested"), SourceKind.analysts, null);
        DeskClient first = Accounts.logIn(Role.reviewer);
        DeskClient second = Accounts.logIn(Role.reviewer);
        first.get("/sources/" + source.id + "/edit");
        second.get("/sources/" + source.id + "/edit");
        first.post("/sources/" + source.id, "version", "" + source.version, "name", source.name, "kind", "analysts",
                "description", "Their description").then().statusCode(303);

        second.post("/sources/" + source.id, "version", "" + source.version, "name", source.name, "kind",
                "analysts", "description", "My description").then().statusCode(409)
                .body(containsString("Someone else changed this source while you were editing it"))
                .body(containsString("<dd class=\"source-description\">Their description</dd>"))
                .body(containsString("My description</textarea>"))
                .body(containsString("name=\"version\" value=\"" + (source.version + 1) + "\""));
        assertEquals("Their description", SourceFixtures.find(source.id).orElseThrow().description);

        // knowingly resubmitted from the conflict page, the edit replaces theirs
        second.post("/sources/" + source.id, "version", "" + (source.version + 1), "name", source.name, "kind",
                "analysts", "description", "My description").then().statusCode(303);
        assertEquals("My description", SourceFixtures.find(source.id).orElseThrow().description);
    }

    @Test
    void aMergeMovesClaimsAndArticlesKeepsTheNamesAsAliasesAndDeletesTheMergedSource() {
        String targetName = SourceFixtures.uniqueName("Kept agency");
        Source target = DeskData.source(targetName, SourceKind.state_media, "KP", "Kept alias");
        Source duplicate = DeskData.source(SourceFixtures.uniqueName("Duplicate agency"), SourceKind.state_media, "KP", "kept alias", "Only the duplicate's alias");
        DeskData.claim(target, "A claim of the kept source.", ClaimStatus.unverified, null);
        DeskData.claim(duplicate, "A claim of the duplicate.", ClaimStatus.unverified, null);
        DeskData.claim(duplicate, "Another claim of the duplicate.", ClaimStatus.unverified, null);
        Article article = DeskData.article("Published by the duplicate", "The body of " + "Published by the duplicate" + ".", duplicate);

        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/sources/" + duplicate.id).then().statusCode(200).body(containsString("Merge this source into"));
        Response merged = admin.post("/sources/" + duplicate.id + "/merge", "target", targetName.toUpperCase(),
                "version", "" + duplicate.version);
        merged.then().statusCode(303).header("Location", endsWith("/sources/" + target.id));
        admin.get("/sources/" + target.id).then().statusCode(200)
                .body(containsString("moved 2 claims and 1 article"))
                .body(containsString("<li><bdi>" + duplicate.name + "</bdi></li>"))
                .body(containsString("Only the duplicate&#39;s alias"));

        assertTrue(SourceFixtures.find(duplicate.id).isEmpty(), "the merged source is deleted");
        assertEquals(3, SourceFixtures.claimsOf(target.id));
        assertEquals(target.id, SourceFixtures.publisherOf(article));
        Source kept = SourceFixtures.find(target.id).orElseThrow();
        assertEquals(List.of("Kept alias", duplicate.name, "Only the duplicate's alias"), kept.aliases);
        assertEquals(target.version + 1, kept.version);
        admin.get("/sources/" + duplicate.id).then().statusCode(404);
    }

    @Test
    void aMergeIntoAnUnknownAmbiguousOrTheSameSourceIsRefusedWith400AndChangesNothing() {
        String shared = SourceFixtures.uniqueName("shared alias");
        Source merging = DeskData.source(SourceFixtures.uniqueName("Merging"), SourceKind.other, null);
        DeskData.source(SourceFixtures.uniqueName("One"), SourceKind.other, null, shared);
        DeskData.source(SourceFixtures.uniqueName("Two"), SourceKind.other, null, shared);
        DeskData.claim(merging, "A claim that stays put.", ClaimStatus.unverified, null);
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/sources/" + merging.id);
        String merge = "/sources/" + merging.id + "/merge";
        String version = "" + merging.version;
        admin.post(merge, "target", shared, "version", version).then().statusCode(400)
                .body(containsString("Nothing was merged.")).body(containsString("Several sources have the alias"))
                .body(containsString("value=\"" + shared + "\""));
        admin.post(merge, "target", "no source is called this", "version", version).then().statusCode(400)
                .body(containsString("No source has the name, alias or id"));
        admin.post(merge, "target", merging.name, "version", version).then().statusCode(400)
                .body(containsString("is this source itself"));
        admin.post(merge, "target", "" + merging.id, "version", version).then().statusCode(400)
                .body(containsString("is this source itself"));
        assertTrue(SourceFixtures.find(merging.id).isPresent());
        assertEquals(1, SourceFixtures.claimsOf(merging.id));
    }

    @Test
    void aMergeFromAStaleVersionIsRefusedWith409() {
        Source target = DeskData.source(SourceFixtures.uniqueName("Stale target"), SourceKind.other, null);
        Source merging = DeskData.source(SourceFixtures.uniqueName("Stale merging"), SourceKind.other, null);
        DeskClient admin = Accounts.logInAsAdmin();
        admin.get("/sources/" + merging.id + "/edit");
        admin.post("/sources/" + merging.id, "version", "" + merging.version, "name", merging.name, "kind", "ngo")
                .then().statusCode(303);
        admin.post("/sources/" + merging.id + "/merge", "target", "" + target.id, "version", "" + merging.version)
                .then().statusCode(409).body(containsString("Nothing was merged"));
        assertTrue(SourceFixtures.find(merging.id).isPresent());
    }

    @Test
    void aReviewerGets403OnAMergeAndNothingMoves() {
        Source target = DeskData.source(SourceFixtures.uniqueName("Unmerged target"), SourceKind.other, null);
        Source merging = DeskData.source(SourceFixtures.uniqueName("Unmerged"), SourceKind.other, null);
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/sources/" + merging.id).then().statusCode(200).body(not(containsString("Merge this source")))
                .body(containsString("Edit source"));
        reviewer.post("/sources/" + merging.id + "/merge", "target", "" + target.id, "version", "" + merging.version)
                .then().statusCode(403);
        assertTrue(SourceFixtures.find(merging.id).isPresent());
    }

    @Test
    void aViewerGets403OnCreatingAndEditingAndNothingIsStored() {
        Source source = DeskData.source(SourceFixtures.uniqueName("Read only"), SourceKind.other, null);
        String name = SourceFixtures.uniqueName("Made by a viewer");
        DeskClient viewer = Accounts.logIn(Role.viewer);
        viewer.get("/sources").then().statusCode(200).body(not(containsString("New source")));
        viewer.get("/sources/new").then().statusCode(403).body(containsString("Your role does not allow this."));
        viewer.get("/sources/" + source.id + "/edit").then().statusCode(403);
        viewer.post("/sources", "name", name, "kind", "other").then().statusCode(403);
        viewer.post("/sources/" + source.id, "version", "" + source.version, "name", name, "kind", "other")
                .then().statusCode(403);
        assertEquals(0, SourceFixtures.count(name));
        assertEquals(source.name, SourceFixtures.find(source.id).orElseThrow().name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/sources", "/sources/new", "/sources/1", "/sources/1/edit" })
    void anonymousSourcePagesRedirectToLogin(String path) {
        DeskClient.anonymous().get(path).then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndStoresNothing() {
        String name = SourceFixtures.uniqueName("Forged");
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/sources/new");
        reviewer.postWithoutToken("/sources", "name", name, "kind", "other").then().statusCode(400)
                .contentType(startsWith("text/html"));
        assertEquals(0, SourceFixtures.count(name));
    }

    @Test
    void aMissingSourceIs404() {
        Accounts.logIn(Role.viewer).get("/sources/999999999").then().statusCode(404)
                .body(containsString("There is no source with id 999999999."));
    }

    private static long idFrom(Response response) {
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Follows a link as a browser would, sending its query exactly as written in the page. */
    private static Response follow(DeskClient client, String link) {
        return client.request().urlEncodingEnabled(false).get(link);
    }

    /** The page link with {@code rel}, unescaped as a browser would. */
    private static String link(String html, String rel) {
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\" rel=\"" + rel + "\"").matcher(html);
        assertTrue(m.find(), "a " + rel + " link");
        assertFalse(m.group(1).isEmpty());
        return m.group(1).replace("&amp;", "&");
    }
}
