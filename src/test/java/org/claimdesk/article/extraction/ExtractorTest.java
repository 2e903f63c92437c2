package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimdesk.source.SourceKind;
import org.junit.jupiter.api.Test;

/** Each attribution structure and each way of resolving a source, on small made-up texts. */
class ExtractorTest {

    private static final List<KnownSource> REGISTRY = List.of(
            new KnownSource(1, "Korean Central News Agency (KCNA)", List.of("KCNA"), SourceKind.state_media, "KP"),
            new KnownSource(2, "National Intelligence Service (South Korea)", List.of("NIS"),
                    SourceKind.intelligence_agency, "KR"),
            new KnownSource(3, "Government of South Korea", List.of("South Korea"), SourceKind.government, "KR"),
            new KnownSource(4, "Government of Japan", List.of("Japan"), SourceKind.government, "JP"),
            new KnownSource(5, "Government of North Korea", List.of("North Korea"), SourceKind.government, "KP"),
            new KnownSource(6, "Vladimir Putin", List.of(), SourceKind.person, "RU"),
            new KnownSource(7, "Ministry of Defence (Japan)", List.of("Japan's defence ministry"),
                    SourceKind.military, "JP"));

    private static List<Candidate> extract(String text) {
        return new Extractor(REGISTRY).extract(text);
    }

    private static Candidate only(String text) {
        List<Candidate> found = extract(text);
        assertEquals(1, found.size(), () -> "candidates: " + found);
        return found.get(0);
    }

    @Test
    void sourceFirstWithThat() {
        Candidate c = only("KCNA reported that the leader visited three factories.");
        assertEquals("source-first", c.rule());
        assertEquals("KCNA", c.sourceMention());
        assertEquals("reported", c.cue());
        assertEquals("the leader visited three factories", c.claimText());
        assertEquals(1L, c.source().id());
        assertEquals(0, c.start());
    }

    @Test
    void sourceFirstSkipsTheHearerOfTold() {
        Candidate c = only("Putin told reporters the war would end soon.");
        assertEquals("the war would end soon", c.claimText());
        assertEquals(6L, c.source().id());
    }

    @Test
    void claimFirstAndInvertedClaimFirst() {
        Candidate c = only("The shells were shipped in May, Japan said on Tuesday.");
        assertEquals("claim-first", c.rule());
        assertEquals("The shells were shipped in May", c.claimText());
        assertEquals("Japan", c.sourceMention());
        assertEquals(4L, c.source().id());

        Candidate inverted = only("\"The shells were shipped in May,\" said Vladimir Putin.");
        assertEquals("claim-first-inverted/direct-quote", inverted.rule());
        assertEquals("\"The shells were shipped in May,\"", inverted.claimText());
        assertEquals(6L, inverted.source().id());
    }

    @Test
    void accordingToBeforeAndAfterTheClaim() {
        Candidate before = only("According to South Korea, the missiles were tested twice.");
        assertEquals("according-to", before.rule());
        assertEquals("South Korea", before.sourceMention());
        assertEquals("the missiles were tested twice", before.claimText());
        assertEquals(3L, before.source().id());

        Candidate after = only("The missiles were tested twice, according to Japan's defence ministry.");
        assertEquals("The missiles were tested twice", after.claimText());
        assertEquals(7L, after.source().id());
    }

    @Test
    void nominalAttribution() {
        Candidate c = only("New Japanese defence ministry figures show that 40 missiles were fired.");
        assertEquals("nominal", c.rule());
        assertEquals("figures show that", c.cue());
        assertEquals("40 missiles were fired", c.claimText());
        assertEquals(7L, c.source().id());
    }

    @Test
    void interruptedAttributionSkipsTheAside() {
        Candidate c = only("The NIS said, in a briefing to lawmakers on Monday, that troops had left.");
        assertEquals("source-first-interrupted", c.rule());
        assertEquals("troops had left", c.claimText());
    }

    @Test
    void severalSourcesShareOneClaim() {
        Candidate c = only("South Korea and Japan warned that another launch was likely.");
        assertEquals(List.of(3L, 4L), c.sources().stream().map(ResolvedSource::id).toList());
    }

    @Test
    void directAndMixedQuotes() {
        Candidate direct = only("Putin said: \"We will not forget their sacrifice.\"");
        assertEquals("source-first/direct-quote", direct.rule());
        assertEquals("\"We will not forget their sacrifice.\"", direct.claimText());

        Candidate mixed = only("Putin said the help was \"brotherly\" and would be repaid.");
        assertEquals("source-first/mixed-quote", mixed.rule());
    }

    @Test
    void appositionsParticiplesAndCoordinatedClaims() {
        Candidate apposition = only("Kim Yo Jong, the leader's sister and a senior official, said the drills "
                + "must stop.");
        assertEquals("Kim Yo Jong, the leader's sister and a senior official", apposition.sourceMention());
        assertEquals("the drills must stop", apposition.claimText());
        assertEquals(List.of("Kim Yo Jong"), apposition.sources().stream().map(ResolvedSource::name).toList());

        List<Candidate> participle = extract("Putin praised the soldiers, adding that their sacrifice would never be "
                + "forgotten.");
        assertEquals(List.of("source-first", "participle"), participle.stream().map(Candidate::rule).toList());
        assertEquals("their sacrifice would never be forgotten", participle.get(1).claimText());
        assertEquals(6L, participle.get(1).source().id());

        List<Candidate> two = extract("Japan said the missile fell at sea, but South Korea said it flew over land.");
        assertEquals(2, two.size());
        assertEquals("the missile fell at sea", two.get(0).claimText());
        assertEquals("it flew over land", two.get(1).claimText());
        assertEquals(3L, two.get(1).source().id());
    }

    @Test
    void aSubjectWithAnAsideBeforeItsCueIsTheSourceWhole() {
        Candidate including = only("Six Gannett newspapers in New Jersey, including the Asbury Park Press, said he "
                + "is no longer fit to be governor.");
        assertEquals("Six Gannett newspapers in New Jersey, including the Asbury Park Press",
                including.sourceMention());
        assertEquals("he is no longer fit to be governor", including.claimText());
        Candidate however = only("Cyber security experts and U.S. officials, however, said Russia engineered the "
                + "release of the emails.");
        assertEquals("Russia engineered the release of the emails", however.claimText());
        assertTrue(however.sourceMention().startsWith("Cyber security experts"), however::sourceMention);
        // an opening phrase is no subject, and a verb before the comma makes a clause of its own
        assertTrue(extract("In 2017, after the vote, said the minister.").stream()
                .noneMatch(c -> c.sourceMention().startsWith("In 2017")));
        String lost = "The party lost the vote, however, said nothing.";
        assertFalse(Extractor.parenthesisedSubject(Token.tokenize(lost, 0, lost.length()), 0, 7));
        String experts = "The experts, however, said nothing.";
        assertTrue(Extractor.parenthesisedSubject(Token.tokenize(experts, 0, experts.length()), 0, 4));
        Candidate dashes = only("Jason Sims — a teacher from Mount Pleasant — says he voted for Marco Rubio.");
        assertEquals("Jason Sims — a teacher from Mount Pleasant", dashes.sourceMention());
        assertEquals("he voted for Marco Rubio", dashes.claimText());
        Candidate quoted = only("\"He deserved it,\" the assailant, John McGraw, told the programme.");
        assertEquals("the assailant, John McGraw", quoted.sourceMention());
        assertEquals("He deserved it", quoted.claimText().replaceAll("^\"|,?\"$", ""));
    }

    @Test
    void aQuoteOfSeveralSentencesIsOneClaimAndItsInnerCuesAreNotClaims() {
        String text = "\"We will win. I think they know it,\" Putin said.";
        Candidate c = only(text);
        assertEquals("claim-first/direct-quote", c.rule());
        assertEquals("\"We will win. I think they know it,\"", c.claimText());
        assertEquals(0, c.start());
        assertEquals(text.length(), c.end());
    }

    @Test
    void aHeadlineWithAColonNamesItsSpeaker() {
        Candidate c = only("Putin: 'The West will lose this war'");
        assertEquals("colon", c.rule());
        assertEquals("Putin", c.sourceMention());
        assertTrue(extract("Update: The West will lose this war").isEmpty());
    }

    @Test
    void negatedAndNounUsesAreNoClaims() {
        assertTrue(extract("The news agency did not mention the war.").isEmpty());
        assertTrue(extract("An estimated 15,000 soldiers were sent after the reports of fighting.").isEmpty());
    }

    @Test
    void demonymsCapitalsAndSurnamesResolve() {
        assertEquals(2L, only("South Korean intelligence said the troops had arrived.").source().id());
        assertEquals(5L, only("Pyongyang said the launch was a success.").source().id());
        assertEquals(6L, only("Mr. Putin said the talks went well.").source().id());
        assertEquals(1L, only("North Korea's official Korean Central News Agency (KCNA) said the test worked.")
                .source().id());
    }

    @Test
    void laterMentionsPointBackToEarlierSources() {
        List<Candidate> found = extract("KCNA said the plant had opened. The news agency added that it was large. "
                + "The NIS said troops had moved. The intelligence services added that more would follow. "
                + "Putin praised the troops. He said they were brave. Japan's defence ministry said two missiles "
                + "flew. The ministry said they fell into the sea. North Korea denied it. It said the test was "
                + "peaceful."); // "denied it" has no claim to check
        assertEquals(List.of(1L, 1L, 2L, 2L, 6L, 6L, 7L, 7L, 5L),
                found.stream().map(c -> c.source().id()).toList());
    }

    @Test
    void anUnknownSourceIsProposedWithAGuessedKind() {
        Candidate person = only("Kim Yo Jong said the drills were a provocation.");
        assertTrue(person.source().isNew());
        assertNull(person.source().id());
        assertEquals("Kim Yo Jong", person.source().name());
        assertEquals(SourceKind.person, person.source().kind());

        Candidate titled = only("North Korean leader Kim Jong Un said the shells were needed.");
        assertEquals("Kim Jong Un", titled.source().name());
        assertEquals(SourceKind.person, titled.source().kind());

        Candidate agency = only("The Yonhap news agency reported that two ships had docked.");
        assertEquals(SourceKind.news_outlet, agency.source().kind());
        assertEquals("Yonhap news agency", agency.source().name());

        Candidate analysts = only("Military experts believe the launch failed.");
        assertEquals(SourceKind.analysts, analysts.source().kind());

        Candidate later = extract("Kim Yo Jong said the drills were a provocation. Kim said more would come.").get(1);
        assertEquals("Kim Yo Jong", later.source().name());
        assertTrue(later.source().isNew());
    }

    @Test
    void secondVerbsParticiplesAndContinuedQuotesMakeClaimsOfTheirOwn() {
        List<Candidate> conjoined = extract("Reid praised the deal and stressed the need to treat Sanders respectfully.");
        assertEquals(List.of("the deal", "the need to treat Sanders respectfully"),
                conjoined.stream().map(Candidate::claimText).toList());
        assertEquals(List.of("Reid", "Reid"), conjoined.stream().map(Candidate::sourceMention).toList());

        List<Candidate> calling = extract("\"Roger was going to do what he wanted,\" Mr. Axelrod said, calling the "
                + "Fox News chief \"brilliant.\"");
        assertEquals(List.of("claim-first/direct-quote", "participle/mixed-quote"),
                calling.stream().map(Candidate::rule).toList());
        assertEquals("Mr. Axelrod", calling.get(1).sourceMention());

        Candidate continued = extract("\"Bernie is highlighting those issues,\" she said. \"I think Hillary is the "
                + "better candidate.\"").get(0);
        assertTrue(continued.claimText().endsWith("better candidate.\""), continued.claimText());

        assertEquals("Sen. Jack Reed (D-R.I.)", only("Sen. Jack Reed (D-R.I.), said that he had not read the plan.")
                .sourceMention());
        assertEquals("four in 10", only("About four in 10 said they were angry with the government.")
                .sourceMention());
        assertEquals("a Cairo airport official",
                only("Shoukair was kind and responsible, a Cairo airport official told The New York Times.")
                        .sourceMention());
        assertEquals("a longtime adviser to Trump", only("\"His knowledge is 20 years old,\" said a longtime adviser "
                + "to Trump.").sourceMention());
        assertTrue(extract("Voters in the United States like things like that.").isEmpty());
    }

    @Test
    void oddTextsGiveNoCandidatesAndNoErrors() {
        for (String text : List.of("", " ", "\"", "''", "said", "Said.", ", said", "according to", "according to X",
                "X said:", "\u201c\u201d", "he said \"", ":", "A: \"", "(", "Mr.", "U.S.", "\n\n\n", "— said —")) {
            for (Candidate c : extract(text)) {
                assertTrue(c.start() >= 0 && c.end() <= text.length() && c.claimStart() < c.claimEnd(), text);
            }
        }
        assertTrue(extract("said said said said.").isEmpty());
    }

    @Test
    void theSameTextAlwaysGivesTheSameCandidates() {
        String text = "KCNA said the plant had opened. Japan said it had not.";
        assertEquals(extract(text), extract(text));
        assertFalse(extract(text).isEmpty());
    }

    @Test
    void aLaterAttributionOfAnotherSourceInsideAClaimIsProposedBesideIt() {
        // without the trained model each draft weighs its rule's prior, so this shows the rule, not the weights
        List<Candidate> found = new Extractor(REGISTRY, new AttributionModel(java.util.Map.of(), 0)).extract(
                "Putin urged the court to release the soldiers, which Japan said would be a grave mistake.");
        assertEquals(2, found.size(), () -> "candidates: " + found);
        assertEquals("Putin", found.get(0).sourceMention());
        assertEquals("the court to release the soldiers", found.get(0).claimText());
        assertEquals("Japan", found.get(1).sourceMention());
        assertEquals("would be a grave mistake", found.get(1).claimText());
    }

    @Test
    void aNounOfReportingInsideAClaimStaysPartOfIt() {
        List<Candidate> found = extract("NIS added that there are no immediate signs that Russia paid North Korea.");
        assertEquals(1, found.size(), () -> "candidates: " + found);
        assertEquals("NIS", found.get(0).sourceMention());
    }

    @Test
    void aRelativePronounAsSourceResolvesToThePhraseBeforeIt() {
        List<Candidate> found = extract("The letter went to Putin, who said that the war would end soon.");
        Candidate c = found.stream().filter(x -> x.cue().startsWith("said")).findFirst()
                .orElseThrow(() -> new AssertionError("candidates: " + found));
        assertEquals("who", c.sourceMention());
        assertEquals(6L, c.source().id());
    }
}
