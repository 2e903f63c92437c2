package org.claimdesk.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.DeskData;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19 on the demo desk, in real Chromium: a reviewer confirms the KCNA shell claim's attribution with KCNA's own
 * report as evidence; adds a claim relayed by Yonhap from an anonymous lawmaker, with a re-check date; finds it due on
 * the dashboard; later decides it; and reads the NIS profile's track record.
 */
@QuarkusTest
@NeedsTool(Tools.Tool.BROWSER)
class AttributionInBrowserTest {

    static final String NIS = "National Intelligence Service (South Korea)";

    @Test
    void aReviewerConfirmsAnAttributionAddsARelayedClaimRechecksItAndReadsTheTrackRecord() {
        String reviewer = Accounts.create(Role.reviewer);
        String yonhap = Accounts.uniqueName("Yonhap");
        String lawmaker = Accounts.uniqueName("an anonymous lawmaker");
        DeskData.source(yonhap, SourceKind.news_outlet, "KR");
        DeskData.source(lawmaker, SourceKind.person, "KR");
        Claim shells = DeskData.demoClaim("Korean Central News Agency (KCNA)", "shell");
        assertTrue(shells != null, "the demo desk has the KCNA shell claim");
        long nisId = DeskData.number("SELECT id FROM source WHERE name = ?1", NIS);
        long resolvedBefore = DeskData.number("SELECT coalesce(sum(claims), 0) FROM source_outcome_count "
                + "WHERE source_id = ?1", nisId);

        try (Browser b = Browser.open()) {
            b.logIn(reviewer, Accounts.PASSWORD);

            // 1. the KCNA shell claim: attribution confirmed, with KCNA's own report as evidence
            b.go("/claims/" + shells.id);
            b.find("#attribution-form input[name=status][value=confirmed]").click();
            b.find("#attr-rationale").sendKeys("KCNA's own English-language report carries the quote.");
            b.find("#attr-evidenceUrl-0").sendKeys("http://www.kcna.kp/en/article/shells");
            b.find("#attr-evidenceTitle-0").sendKeys("KCNA report, 2024");
            new Select(b.find("#attr-evidenceStance-0")).selectByValue("supports");
            b.submit(b.find("#attribution-submit"));
            b.waitForText(".flash", "Recorded your attribution decision: Attribution confirmed.");
            assertTrue(b.text("#attribution-status").contains("Attribution confirmed"), b.text("#attribution-status"));
            assertTrue(b.text("#attribution-history").contains("KCNA report, 2024"));
            assertEquals(List.of("confirmed"), DeskData.strings("SELECT attribution_status FROM claim WHERE id = ?1",
                    shells.id));

            // 2. a claim NIS made, relayed by Yonhap from an anonymous lawmaker, to re-check today
            b.go("/claims/new");
            b.find("#statement").sendKeys("About 3,000 more North Korean troops were sent to Russia.");
            b.find("#source").sendKeys("NIS");
            b.find("#relayedBy").sendKeys(yonhap + "\n" + lawmaker);
            new Select(b.find("#attributionKind")).selectByValue("anonymous_official");
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            b.script("arguments[0].value = arguments[1]", b.find("#recheckOn"), today);
            b.submit(b.find("form[action=\"/claims\"] button.primary"));
            assertTrue(b.path().matches("/claims/\\d+"), b.path());
            long added = Long.parseLong(b.path().replaceAll(".*/", ""));
            String relays = b.text("#attribution-relays");
            assertTrue(relays.indexOf(yonhap) >= 0 && relays.indexOf(yonhap) < relays.indexOf(lawmaker), relays);
            assertTrue(b.text("#attribution-kind").contains("Anonymous official"));
            assertTrue(b.text("#recheck-on").length() > 0);

            // 3. due today on the dashboard; later, decided, and the time it took kept
            b.go("/");
            assertTrue(b.find("#recheck-due").getText().contains("About 3,000 more North Korean troops"),
                    b.find("#recheck-due").getText());
            b.go("/claims/" + added);
            b.find("#verdict input[name=status][value=verified]").click();
            b.find("#rationale").sendKeys("The defence ministry confirmed the deployment.");
            b.find("#verdict button.primary").click();
            b.waitForText("#decide-body .flash-notice", "Recorded your decision: Verified.");
            assertEquals(0, DeskData.number("SELECT resolved_after_days FROM claim WHERE id = ?1", added));

            // 4. the NIS profile's calibrated track record, chart included, and Yonhap's relayed claims
            b.go("/sources/" + nisId);
            String record = b.find("#track-record").getText();
            assertTrue(record.contains("held up") && record.contains("Median time to resolution"), record);
            assertEquals(resolvedBefore + 1, Long.parseLong(b.text("#track-resolved")));
            assertTrue(!b.all("#track-record svg rect").isEmpty(), "the chart draws bars without JavaScript");
            long yonhapId = DeskData.number("SELECT id FROM source WHERE name = ?1", yonhap);
            b.go("/sources/" + yonhapId);
            assertTrue(b.find("#relayed-claims").getText().contains("About 3,000 more North Korean troops"));
        }
    }
}
