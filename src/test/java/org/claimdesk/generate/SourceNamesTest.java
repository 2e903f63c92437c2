package org.claimdesk.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.claimdesk.generate.SourceNames.Named;
import org.junit.jupiter.api.Test;

class SourceNamesTest {

    private static final List<String> ORGANISATION_KINDS = List.of("government", "news_outlet", "state_media", "ngo",
            "company", "analysts", "military", "intelligence_agency", "other");

    @Test
    void speakersSlugsBecomeNamesWithInitialsAndSuffixes() {
        assertEquals("John McCain", SourceNames.humanise("john-mccain"));
        assertEquals("George W. Bush", SourceNames.humanise("george-w-bush"));
        assertEquals("Donald Trump Jr.", SourceNames.humanise("donald-trump-jr"));
        assertEquals("Richard Franklin III", SourceNames.humanise("richard-franklin-iii"));
    }

    @Test
    void onlySpeakersWhoAreOnePersonCountAsPeople() {
        assertTrue(SourceNames.isPerson("barack-obama", "democrat"));
        assertTrue(SourceNames.isPerson("rachel-maddow", "none"));
        assertTrue(SourceNames.isPerson("debbie-wasserman-schultz", "democrat"));
        assertFalse(SourceNames.isPerson("chain-email", "none"));
        assertFalse(SourceNames.isPerson("republican-party-texas", "republican"));
        assertFalse(SourceNames.isPerson("texas-right-life", "none"));
        assertFalse(SourceNames.isPerson("afl-cio", "organization"));
        assertFalse(SourceNames.isPerson("bernie-s", "democrat"));
    }

    @Test
    void aPersonIsAlsoKnownByTheSurname() {
        assertEquals(List.of("Trump", "D. Trump"), SourceNames.person("Donald Trump Jr.").aliases());
    }

    @Test
    void peopleBeyondTheSpeakersCombineAFirstNameAndASurname() {
        List<String> speakers = List.of("Barack Obama", "Mitt Romney");
        assertEquals("Mitt Romney", SourceNames.personName(new Random(1), speakers, 1));
        String combined = SourceNames.personName(new Random(1), speakers, 2);
        assertTrue(combined.matches("(Barack|Mitt) (Obama|Romney)"), combined);
    }

    @Test
    void anAcronymTakesTheInitialsOfThreeToFiveWordsWithoutTheSmallOnesAndNoNumber() {
        assertEquals("KCNA", SourceNames.acronym("Korean Central News Agency"));
        assertEquals("MEJ", SourceNames.acronym("Ministry of Energy of Japan"));
        assertNull(SourceNames.acronym("The Coastal Times"));
        assertNull(SourceNames.acronym("General Staff of the Armed Forces of the United States"));
        assertNull(SourceNames.acronym("29th Armoured Brigade of North Korea"));
    }

    @Test
    void everyOrganisationKindHasNamesAndTheSameSeedGivesTheSameNames() {
        Random first = new Random(3);
        Random second = new Random(3);
        for (String kind : ORGANISATION_KINDS) {
            for (int i = 0; i < 50; i++) {
                Named named = SourceNames.organisation(first, kind, List.of("Obama"));
                assertEquals(named, SourceNames.organisation(second, kind, List.of("Obama")));
                assertFalse(named.name().isBlank(), kind);
                assertTrue(named.name().length() <= 200, named.name());
                assertTrue(named.country().matches("[A-Z]{2}"), named.country());
            }
        }
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumberWhateverTheCase() {
        Set<String> taken = new HashSet<>(Set.of("voice of japan", "voice of japan 2"));
        assertEquals("Voice of Japan 3", SourceNames.unique("Voice of Japan", taken));
        assertTrue(taken.contains("voice of japan 3"));
        assertEquals("Voice of Kenya", SourceNames.unique("Voice of Kenya", taken));
    }

    @Test
    void aliasesSkipTheNameAndWhatAnotherSourceIsCalled() {
        Named named = new Named("The Coastal Times", "GB", List.of("Coastal Times", "the coastal times", "CT", "TCT"));
        Set<String> taken = new HashSet<>(Set.of("the coastal times", "ct"));
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            Set<String> copy = new HashSet<>(taken);
            List<String> aliases = SourceNames.aliases(random, named, copy);
            assertFalse(aliases.isEmpty());
            assertTrue(List.of("Coastal Times", "TCT").containsAll(aliases), aliases.toString());
            aliases.forEach(a -> assertTrue(copy.contains(a.toLowerCase())));
        }
    }
}
