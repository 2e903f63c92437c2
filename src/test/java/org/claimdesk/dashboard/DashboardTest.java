package org.claimdesk.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.review.Review;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DashboardTest {

    @Test
    void theCountsByStatusMatchTheDatabaseAndLinkToTheFilteredClaimsList() {
        String page = Accounts.logIn(Role.viewer).get("/").then().statusCode(200).extract().asString();
        long total = 0;
        for (ClaimStatus status : ClaimStatus.values()) {
            long count = QuarkusTransaction.requiringNew().call(() -> Claim.count("status", status));
            total += count;
            assertTrue(page.contains("href=\"/claims?status=" + status.name() + "\"><span class=\"tile-count\">"
                    + count + "</span>"), status + " shows " + count);
        }
        assertTrue(page.contains("href=\"/claims\"><span class=\"tile-count\">" + total + "</span>"), "total " + total);
    }

    @Test
    void aClaimAssignedToAReviewerIsInTheirQueueUnverifiedFirstAndInNoOneElses() {
        String mine = Accounts.create(Role.reviewer);
        String theirs = Accounts.create(Role.reviewer);
        Source source = DeskData.source(Accounts.uniqueName("Queue source"), SourceKind.news_outlet, null);
        String decided = Accounts.uniqueName("An older decided claim");
        String waiting = Accounts.uniqueName("A newer claim to check");
        DeskData.claim(source, decided, ClaimStatus.verified, mine);
        DeskData.claim(source, waiting, ClaimStatus.unverified, mine);
        long myId = Accounts.find(mine).id;

        String page = DeskClient.loggedIn(mine, Accounts.PASSWORD).get("/").then().statusCode(200)
                .body(containsString("1 unverified of 2 assigned to you"))
                .body(containsString("href=\"/claims?assigneeId=" + myId + "\""))
                .extract().asString();
        String queue = section(page, "my-queue");
        assertTrue(queue.indexOf(waiting) >= 0 && queue.indexOf(waiting) < queue.indexOf(decided),
                "unverified first: " + queue);

        String other = section(DeskClient.loggedIn(theirs, Accounts.PASSWORD).get("/").then().statusCode(200)
                .extract().asString(), "my-queue");
        assertFalse(other.contains(waiting));
        assertTrue(other.contains("Nothing is assigned to you now."), other);
    }

    @Test
    void theLatestDecisionsShowAReviewJustRecorded() {
        String reviewer = Accounts.create(Role.reviewer);
        Source source = DeskData.source(Accounts.uniqueName("Decided source"), SourceKind.news_outlet, null);
        String statement = Accounts.uniqueName("A claim found false");
        long claimId = DeskData.claim(source, statement, ClaimStatus.unverified, null).id;
        QuarkusTransaction.requiringNew().run(() -> {
            Claim claim = Claim.findById(claimId);
            Review review = new Review();
            review.claim = claim;
            review.reviewer = Reviewer.findByUsername(reviewer).orElseThrow();
            review.previousStatus = claim.status;
            review.status = ClaimStatus.disputed;
            review.rationale = "The figures contradict the ministry's own report.";
            review.claimVersion = claim.version;
            review.persist();
            claim.status = review.status;
            claim.decidedAt = review.decidedAt;
            claim.decidedBy = review.reviewer;
            claim.touchedBy(review.reviewer); // the change bumps the claim's version
        });

        String decisions = section(Accounts.logIn(Role.viewer).get("/").then().statusCode(200).extract().asString(),
                "latest-decisions");
        String entry = decisions.substring(decisions.indexOf("href=\"/claims/" + claimId + "\""));
        assertTrue(entry.startsWith("href=\"/claims/" + claimId + "\"><bdi>" + statement + "</bdi></a>"), entry);
        entry = entry.substring(0, entry.indexOf("</li>"));
        assertTrue(entry.indexOf("status-unverified") < entry.indexOf("status-disputed"), entry);
        assertTrue(entry.contains("by " + reviewer + ","), entry);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Claim.<Claim> findById(claimId).version));
    }

    @Test
    void theSourcesWithTheMostDisputedClaimsListOneGivenThreeOrMore() {
        long most = QuarkusTransaction.requiringNew().call(() -> Claim.getEntityManager().createQuery(
                "select count(*) from Claim c where c.status = :disputed group by c.source order by count(*) desc",
                Long.class).setParameter("disputed", ClaimStatus.disputed).setMaxResults(1).getResultStream()
                .findFirst().orElse(0L));
        long disputed = Math.max(3, most + 1); // more than any other source, so it is among the five shown
        Source source = DeskData.source(Accounts.uniqueName("Often wrong"), SourceKind.news_outlet, null);
        for (int i = 0; i < disputed; i++) {
            DeskData.claim(source, Accounts.uniqueName("Disputed claim"), ClaimStatus.disputed, null);
        }
        DeskData.claim(source, Accounts.uniqueName("Verified claim"), ClaimStatus.verified, null);

        String table = section(Accounts.logIn(Role.viewer).get("/").then().statusCode(200).extract().asString(),
                "disputed-sources");
        String row = table.substring(table.indexOf("<tr><td><a href=\"/sources/" + source.id + "\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("><bdi>" + source.name + "</bdi></a>"), row);
        assertTrue(row.contains("status=disputed\">" + disputed + "</a>"), row);
        assertTrue(row.contains(">" + (disputed + 1) + "</a>"), row);
    }

    @Test
    void aViewerSeesTheDashboardWithAnEmptyQueue() {
        Accounts.logIn(Role.viewer).get("/").then().statusCode(200)
                .body(containsString("<h2 id=\"queue-heading\">My queue</h2>"))
                .body(containsString("Your queue lists the claims assigned to you"))
                .body(containsString("Latest decisions"))
                .body(containsString("Sources with the most disputed claims"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        DeskClient.anonymous().get("/").then().statusCode(302).header("Location", endsWith("/login"));
    }

    /** The HTML of the page's section with this id. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section class=\"panel\" id=\"" + id + "\"");
        assertTrue(start >= 0, "the page has a section " + id);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
