package org.claimdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The second pair of eyes in Chromium without JavaScript, with approval required: reviewer A decides, A's Publish is
 * refused with the reason, B approves, A publishes; then B sends another decision back and A finds it in "My queue"
 * with B's note.
 */
@QuarkusTest
@TestProfile(ApprovalRequired.class)
@NeedsTool(Tools.Tool.BROWSER)
class ApprovalInBrowserTest {

    @Test
    void aDecisionIsPublishedOnlyAfterASecondReviewerApprovedItAndASentBackOneReturnsToTheDecider() {
        String alice = Accounts.create(Role.reviewer);
        String bob = Accounts.create(Role.reviewer);
        long approved = Reviewers.claim("Approved in Chromium " + System.nanoTime());
        String sentBackStatement = "Sent back in Chromium " + System.nanoTime();
        long sentBack = DeskData.claim(DeskData.source("Browser workflow", org.claimdesk.source.SourceKind.other),
                sentBackStatement).id;

        try (Browser a = Browser.withoutJavaScript(); Browser b = Browser.withoutJavaScript()) {
            a.logIn(alice, Accounts.PASSWORD);
            b.logIn(bob, Accounts.PASSWORD);

            decide(a, approved, "disputed", "The ministry's table says otherwise.");
            assertTrue(a.text("#approval-state").contains("Awaiting approval"), a.text("#approval-state"));
            a.submit(a.find("#publication-panel button.primary"));
            String refusal = a.text("main");
            assertTrue(refusal.contains("You made the current decision") && refusal.contains(
                    "another reviewer must approve it"), refusal);
            assertEquals(0, DeskData.number("select count(*) from publication where claim_id = ?1", approved));

            b.go("/");
            assertTrue(b.text("#awaiting-approval").contains("Approved in Chromium"), b.text("#awaiting-approval"));
            b.go("/claims/" + approved);
            b.submit(b.find("#approval-form button[value=approve]"));
            assertTrue(b.text(".flash").contains("Approved " + alice + "'s decision"), b.text(".flash"));
            assertTrue(b.text("#timeline-list").contains(bob + " approved the decision of " + alice),
                    b.text("#timeline-list"));

            a.go("/claims/" + approved);
            assertTrue(a.text("#approval-state").contains("Approved by " + bob), a.text("#approval-state"));
            a.submit(a.find("#publication-panel button.primary"));
            assertTrue(a.text(".flash").contains("Published the fact-check"), a.text(".flash"));
            assertEquals(1, DeskData.number("select count(*) from publication where claim_id = ?1 and published_at "
                    + "is not null", approved));

            // the same, sent back: A finds it in My queue with B's note
            decide(a, sentBack, "verified", "Two outlets confirm it.");
            b.go("/claims/" + sentBack);
            b.find("#approval-note").sendKeys("Both outlets quote the same agency; find an independent source.");
            b.submit(b.find("#approval-form button[value=send_back]"));
            assertTrue(b.text(".flash").contains("Sent the decision back to " + alice), b.text(".flash"));
            a.go("/");
            String queue = a.text("#my-queue");
            assertTrue(queue.contains(sentBackStatement) && queue.contains("sent back to you by " + bob)
                    && queue.contains("find an independent source"), queue);
            a.submit(a.find("#my-queue a[href='/claims/" + sentBack + "']"));
            a.submit(a.find("#publication-panel button.primary"));
            assertTrue(a.text("main").contains(bob + " sent your decision back"), a.text("main"));
            assertEquals(0, DeskData.number("select count(*) from publication where claim_id = ?1", sentBack));
        }
    }

    /** Decides through the claim page's form, as a reviewer without JavaScript does. */
    private static void decide(Browser browser, long claimId, String status, String rationale) {
        browser.go("/claims/" + claimId);
        browser.find("input[name=status][value=" + status + "]").click();
        browser.find("#rationale").sendKeys(rationale);
        browser.submit(browser.find("#verdict button.primary"));
        assertTrue(browser.text(".flash").contains("Recorded your decision"), browser.text(".flash"));
    }
}
