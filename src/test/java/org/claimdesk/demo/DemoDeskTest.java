package org.claimdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoDeskTest {

    @Test
    void theDemoDeskHoldsTheSampleArticleItsSevenSourcesAndTheGoldClaimsWithExactQuoteOffsets() {
        assertEquals(1, DeskData.number("SELECT count(*) FROM article WHERE title = ?1", DemoDesk.TITLE));
        for (DemoDesk.DemoSource source : DemoDesk.SOURCES) {
            assertEquals(1, DeskData.number("SELECT count(*) FROM source WHERE name = ?1", source.name()), source.name());
        }
        // 9 required claims; the joint South Korea and Japan accusation is one claim per source
        assertEquals(10, DeskData.number("SELECT count(*) FROM claim c JOIN article a ON a.id = c.article_id "
                + "WHERE a.title = ?1", DemoDesk.TITLE));
        assertEquals(0, DeskData.number("SELECT count(*) FROM claim c JOIN article a ON a.id = c.article_id "
                + "WHERE a.title = ?1 AND substr(a.body, c.quote_start + 1, c.quote_end - c.quote_start) <> c.quote",
                DemoDesk.TITLE));
        // between two of its own claims: imports of the same article link their claims to the demo's as well
        assertEquals(1, DeskData.number("SELECT count(*) FROM claim_link l JOIN claim c ON c.id = l.claim_id "
                + "JOIN claim o ON o.id = l.other_id AND o.article_id = c.article_id "
                + "JOIN article a ON a.id = c.article_id WHERE a.title = ?1 AND l.kind = 'same_claim'", DemoDesk.TITLE));
        List<String> bodies = DeskData.strings("SELECT body FROM article WHERE title = ?1", DemoDesk.TITLE);
        assertFalse(bodies.get(0).contains("You may also like"), "the boilerplate is not article text");
        assertTrue(bodies.get(0).endsWith("spy satellite launches."));
    }

    @Test
    void theDemoClaimsAppearOnTheDeskForANewcomer() {
        DeskClient viewer = Accounts.logIn(Role.viewer);
        String list = viewer.get("/claims?q=KCNA").then().statusCode(200).extract().asString();
        assertTrue(list.contains("shell production"), "the KCNA claim is listed");
        assertTrue(list.contains("Korean Central News Agency (KCNA)"));
    }
}
