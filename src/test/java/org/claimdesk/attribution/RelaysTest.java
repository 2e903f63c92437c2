package org.claimdesk.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RelaysTest {

    @Test
    void accordingToAnOutletCitingALawmakerMakesTheOutletTheRelay() {
        Relays.Proposal p = Relays.propose("North Korea has sent 3,000 more troops to Russia, according to Yonhap, "
                + "citing a lawmaker who attended the closed-door briefing.", "a lawmaker");
        assertEquals(List.of("Yonhap"), p.relays());
        assertNull(p.claimant());
    }

    @Test
    void whenTheExtractorTookTheOutletForTheClaimantTheCitedOneIsProposedInstead() {
        Relays.Proposal p = Relays.propose("North Korea has sent 3,000 more troops to Russia, according to Yonhap, "
                + "citing a lawmaker.", "Yonhap");
        assertEquals(List.of("Yonhap"), p.relays());
        assertEquals("a lawmaker", p.claimant());
    }

    @Test
    void theSpyAgencyToldLawmakersWhoToldTheOutletIsAChainOfTwo() {
        Relays.Proposal p = Relays.propose("The National Intelligence Service believes about 15,000 workers were sent, "
                + "Yonhap reported, citing a lawmaker at the briefing.", "The National Intelligence Service");
        assertEquals(List.of("Yonhap", "a lawmaker at the briefing"), p.relays());
    }

    @Test
    void anOfficialWhoSpokeOnConditionOfAnonymityIsAnAnonymousOfficial() {
        assertEquals(AttributionKind.anonymous_official, Relays.propose("The launch failed, an official who spoke on "
                + "condition of anonymity said.", "an official").kind());
        assertEquals(AttributionKind.anonymous_official, Relays.propose("Two senior US officials said the troops "
                + "had moved.", "Two senior US officials").kind());
    }

    @Test
    void stateMediaStatementsQuotesAndParaphrasesAreToldApart() {
        assertEquals(AttributionKind.state_media_report, Relays.propose("KCNA reported that Kim Jong Un praised "
                + "efforts to double shell production.", "KCNA").kind());
        assertEquals(AttributionKind.official_statement, Relays.propose("The ministry said in a statement that "
                + "exports rose.", "The ministry").kind());
        assertEquals(AttributionKind.direct_quote, Relays.propose("\"We will not tolerate provocations,\" the "
                + "minister said.", "the minister").kind());
        assertEquals(AttributionKind.paraphrase, Relays.propose("The minister said exports rose.", "The minister")
                .kind());
    }

    @Test
    void aSentenceWithoutAChainProposesNoRelays() {
        assertEquals(List.of(), Relays.propose("The minister said exports rose by 12 percent.", "The minister")
                .relays());
        assertEquals(List.of(), Relays.propose("According to the ministry, exports rose.", "the ministry").relays());
        assertEquals(Relays.Proposal.NONE, Relays.propose("", null));
    }

    @Test
    void anOutletReportingAnotherSourcesWordsIsItsRelay() {
        assertEquals(List.of("Yonhap"), Relays.propose("South Korea's military said the North fired two missiles, "
                + "Yonhap reported.", "South Korea's military").relays());
        assertEquals(List.of("Reuters"), Relays.propose("Troops crossed the border, a lawmaker told Reuters.",
                "a lawmaker").relays());
    }
}
