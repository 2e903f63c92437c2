package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The source checks on the two false finds of issue 13 and on sources that must stay as they are. */
class SourceChecksTest {

    private static List<Candidate> extract(String text) {
        return new Extractor(List.of()).extract(text);
    }

    private static Draft draft(String sentence, String source, String cue) {
        int s = sentence.indexOf(source);
        int c = sentence.indexOf(cue, s + source.length());
        return new Draft(s, s + source.length(), c, c + cue.length(), cue, c + cue.length() + 1, sentence.length() - 1,
                0.9, "source-first");
    }

    @Test
    void aVerbIsNoSpeaker() {
        String sentence = "He would not discuss reports the party repaid £500,000 to Lord Ashcroft.";
        List<Token> t = Token.tokenize(sentence, 0, sentence.length());
        assertTrue(SourceChecks.headIsVerb(draft(sentence, "discuss", "reports"), t));
        assertNull(SourceChecks.check(draft(sentence, "discuss", "reports"), t));
    }

    @Test
    void aNounOrNameIsASpeaker() {
        String sentence = "The officials said the party repaid the money.";
        List<Token> t = Token.tokenize(sentence, 0, sentence.length());
        assertFalse(SourceChecks.headIsVerb(draft(sentence, "The officials", "said"), t));
        String named = "Mr Howard said the party repaid the money.";
        assertFalse(SourceChecks.headIsVerb(draft(named, "Mr Howard", "said"), Token.tokenize(named, 0,
                named.length())));
    }

    @Test
    void theObjectOfARelativeClauseGivesWayToItsAntecedent() {
        String sentence = "Ms Robinson, who presents The Weakest Link tells Cockerell that she despaired at his image.";
        List<Token> t = Token.tokenize(sentence, 0, sentence.length());
        Draft checked = SourceChecks.check(draft(sentence, "The Weakest Link", "tells"), t);
        assertEquals("Ms Robinson", sentence.substring(checked.sourceStart(), checked.sourceEnd()));
    }

    @Test
    void aSubjectAfterAClosedRelativeClauseStays() {
        String sentence = "Ms Robinson, who presents the show, told Cockerell that she despaired at his image.";
        List<Token> t = Token.tokenize(sentence, 0, sentence.length());
        assertEquals(-1, SourceChecks.relativeClauseAntecedent(draft(sentence, "Ms Robinson", "told"), t));
    }

    @Test
    void theIssuesFalseFindsGetNoWrongSource() {
        List<Candidate> discuss = extract("Mr Howard spoke on Sunday. He would not discuss reports the party "
                + "repaid £500,000 to Lord Ashcroft after he predicted an election defeat.");
        assertTrue(discuss.stream().noneMatch(c -> c.sourceMention().equals("discuss")), () -> "found " + discuss);
        List<Candidate> robinson = extract("Ms Robinson, who presents The Weakest Link tells Cockerell that she "
                + "despaired at his hardline image when he was home secretary in John Major's government.");
        assertEquals(1, robinson.size(), () -> "found " + robinson);
        assertEquals("Ms Robinson", robinson.get(0).sourceMention());
        assertEquals("she despaired at his hardline image when he was home secretary in John Major's government",
                robinson.get(0).claimText());
    }

    @Test
    void aThingThatIsCalledSomethingIsNamedNotQuoted() {
        String sentence = "His comments come in a BBC documentary called 'No More Mr Nasty'.";
        List<Token> t = Token.tokenize(sentence, 0, sentence.length());
        assertTrue(SourceChecks.naming(draft(sentence, "a BBC documentary", "called"), t));
        assertTrue(extract(sentence).stream().noneMatch(c -> c.cue().equals("called")), () -> "found "
                + extract(sentence));
        String group = "A new group called Black Votes Matter is trying to raise $25 million for a new effort.";
        assertTrue(SourceChecks.naming(draft(group, "A new group", "called"),
                Token.tokenize(group, 0, group.length())));
    }

    @Test
    void someoneWhoCallsSomethingSomethingStillSpeaks() {
        String campaign = "Sanders' campaign called AP's report a rush to judgment because delegates can change.";
        assertFalse(SourceChecks.naming(draft(campaign, "Sanders' campaign", "called"),
                Token.tokenize(campaign, 0, campaign.length())));
        String name = "Mr Trump called Clinton a liar who cannot be trusted with secrets.";
        assertFalse(SourceChecks.naming(draft(name, "Mr Trump", "called"), Token.tokenize(name, 0, name.length())));
        String spokesman = "A spokesman called Labour's claims a smear that nobody believed.";
        assertFalse(SourceChecks.naming(draft(spokesman, "A spokesman", "called"),
                Token.tokenize(spokesman, 0, spokesman.length())));
    }
}
