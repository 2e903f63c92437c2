package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.claimdesk.source.SourceKind;
import org.junit.jupiter.api.Test;

/** One source per speaker: made-up news, so that the rules are not those of the two BBC samples. */
class SpeakersTest {

    private static String sourceOf(List<Candidate> candidates, String sentenceContains) {
        return candidates.stream().filter(c -> c.sentence().contains(sentenceContains)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate in: " + sentenceContains)).source().name();
    }

    @Test
    void aTitleWithASurnameAndADescriptionOfTheRoleLeadToTheFullNameGivenEarlier() {
        String text = "Green Party spokeswoman Harriet Quinn said the budget was unfair.\n"
                + "Ms Quinn told reporters the tax would hurt farmers.\n"
                + "The Green Party spokeswoman added that the vote was close.";
        List<Candidate> c = new Extractor(List.of()).extract(text);
        assertEquals("Harriet Quinn", sourceOf(c, "Ms Quinn told"));
        assertEquals("Harriet Quinn", sourceOf(c, "The Green Party spokeswoman added"));
        assertEquals(1, c.stream().map(x -> x.source().name()).distinct().count());
        ResolvedSource source = c.get(1).source();
        assertEquals(SourceKind.person, source.kind());
        assertEquals(List.of("Ms Quinn"), source.aliases());
    }

    @Test
    void aTitleBeforeTheFullNameIsGivenStillLeadsToIt() {
        String text = "Mr Okafor said the talks had failed.\nLater, union leader Daniel Okafor said he would strike.";
        List<Candidate> c = new Extractor(List.of()).extract(text);
        assertEquals("Daniel Okafor", sourceOf(c, "Mr Okafor said"));
        assertEquals("Daniel Okafor", sourceOf(c, "he would strike"));
    }

    @Test
    void aPronounGoesToTheSubjectOfTheSentenceBeforeOfItsGenderNotToTheLastNameSeen() {
        String text = "Senator Maria Vance accused Governor Peter Lund of hiding the report.\n"
                + "She said the figures were false.\n"
                + "Mr Lund answered at noon, after Ms Vance had left.\n"
                + "He said the report was published in full.";
        List<Candidate> c = new Extractor(List.of()).extract(text);
        assertEquals("Maria Vance", sourceOf(c, "She said the figures"));
        assertEquals("Peter Lund", sourceOf(c, "He said the report"));
    }

    @Test
    void anAppositionDescribesTheSpeakerBeforeIt() {
        String text = "Trade minister Leo Brandt said exports rose.\n"
                + "Tom Reyes, a friend of the minister, said the figures were wrong.";
        List<Candidate> c = new Extractor(List.of()).extract(text);
        assertEquals("Tom Reyes", sourceOf(c, "a friend of the minister"));
    }

    @Test
    void anOfficeNoOneWasGivenGoesToTheArticlesMainUnnamedHolder() {
        String text = "Rachel Amory said the plan would fail.\nMs Amory said it again on Monday.\n"
                + "The prime minister toured the north.\nShe insisted the plan would work.";
        List<Candidate> c = new Extractor(List.of()).extract(text);
        assertEquals("Rachel Amory", sourceOf(c, "She insisted"));
    }

    @Test
    void aNameTheRegistryKnowsLinksEveryMentionOfThatPersonToTheRegistrysSource() {
        KnownSource known = new KnownSource(7, "Daniel Okafor", List.of(), SourceKind.person, null);
        String text = "Union leader Daniel Okafor said the talks had failed.\nMr Okafor said he would strike.";
        List<Candidate> c = new Extractor(List.of(known)).extract(text);
        assertEquals(2, c.size());
        c.forEach(x -> assertEquals(Long.valueOf(7), x.source().id()));
    }

    @Test
    void aSpokesmanForSomeoneIsNotThatPerson() {
        String text = "Premier Anna Sorel said taxes would fall.\nA spokesman for Ms Sorel said the cut was final.";
        List<Candidate> c = new Extractor(List.of()).extract(text);
        assertEquals("spokesman for Ms Sorel", sourceOf(c, "A spokesman"));
    }

    @Test
    void aShortFormOfAnOrganisationsNameIsProposedUnderTheLongFormTheArticleGives() {
        String text = "The Social Democrats won two seats.\nThe Soc Dems said the result was historic.";
        ResolvedSource source = new Extractor(List.of()).extract(text).get(0).source();
        assertEquals("Social Democrats", source.name());
        assertEquals(List.of("Soc Dems"), source.aliases());
    }
}
