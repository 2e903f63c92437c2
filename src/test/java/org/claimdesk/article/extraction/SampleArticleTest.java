package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.claimdesk.demo.DemoDesk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sample article against its hand-made gold file, with the demo desk's sources as the registry. */
class SampleArticleTest {

    private static String raw;
    private static JsonNode gold;
    private static CleanedArticle cleaned;
    private static List<Candidate> candidates;

    @BeforeAll
    static void extract() throws IOException {
        raw = read("kcna-shells-article.txt");
        gold = new ObjectMapper().readTree(read("kcna-shells-article.gold.json"));
        cleaned = ArticleCleaner.fromText(raw);
        candidates = new Extractor(DemoDesk.registry()).extract(cleaned.text());
    }

    private static String read(String name) throws IOException {
        try (InputStream in = DemoDesk.class.getResourceAsStream("/org/claimdesk/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Candidate> inSentence(String sentence) {
        return candidates.stream().filter(c -> c.sentence().equals(sentence)).toList();
    }

    @Test
    void everyRequiredClaimIsFoundWithItsSources() {
        assertEquals(9, gold.path("required").size());
        for (JsonNode item : gold.path("required")) {
            String sentence = item.path("sentence").asText();
            Set<String> wanted = Set.copyOf(toList(item.path("sources")));
            List<Candidate> found = inSentence(sentence);
            assertFalse(found.isEmpty(), "no candidate in: " + sentence);
            assertTrue(found.stream().anyMatch(c -> c.sources().stream().map(ResolvedSource::name)
                    .collect(Collectors.toSet()).equals(wanted)), "wrong sources " + found + " for " + wanted);
            assertTrue(found.stream().allMatch(c -> !c.source().isNew()), () -> "a new source among " + found);
        }
    }

    private static List<String> toList(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void noCandidateComesFromANotClaimOrTheBoilerplate() {
        for (JsonNode item : gold.path("not_claims")) {
            assertTrue(inSentence(item.path("sentence").asText()).isEmpty(), item.path("sentence").asText());
        }
        assertTrue(cleaned.boilerplateRemoved());
        assertFalse(cleaned.text().contains("You may also like"));
        assertFalse(cleaned.text().contains("Outlander"));
        assertTrue(cleaned.text().endsWith("spy satellite launches."));
        assertTrue(raw.startsWith(cleaned.text()), "only the tail is removed, so offsets match the input");
    }

    @Test
    void offsetsPointIntoTheCleanedText() {
        String text = cleaned.text();
        for (Candidate c : candidates) {
            assertEquals(c.sentence(), text.substring(c.start(), c.end()));
            assertEquals(c.claimText(), text.substring(c.claimStart(), c.claimEnd()));
            assertEquals(c.sourceMention(), text.substring(c.sourceStart(), c.sourceEnd()));
            assertTrue(c.cue().startsWith(text.substring(c.cueStart(), c.cueEnd())));
            assertTrue(c.confidence() > 0 && c.confidence() < 1);
            assertFalse(c.rule().isBlank());
        }
    }

    @Test
    void eachStructureOfTheSampleIsNamedByItsRule() {
        Candidate both = inSentence(gold.path("required").get(0).path("sentence").asText()).get(0);
        assertEquals("Both South Korea and Japan", both.sourceMention());
        assertEquals(2, both.sources().size());
        assertEquals("accused", both.cue());

        Candidate nominal = inSentence(gold.path("required").get(3).path("sentence").asText()).get(0);
        assertEquals("nominal", nominal.rule());
        assertEquals("South Korean intelligence", nominal.sourceMention());
        assertEquals("estimates suggest that", nominal.cue());

        Candidate interrupted = inSentence(gold.path("required").get(7).path("sentence").asText()).get(0);
        assertEquals("source-first-interrupted", interrupted.rule());
        assertEquals("stated ... it believes", interrupted.cue());
        assertTrue(interrupted.claimText().startsWith("its neighbour has sent about 15,000 workers"));

        Candidate coreference = inSentence(gold.path("required").get(8).path("sentence").asText()).get(0);
        assertEquals("The intelligence services", coreference.sourceMention());
        assertEquals("National Intelligence Service (South Korea)", coreference.source().name());

        Candidate kcna = inSentence(gold.path("required").get(2).path("sentence").asText()).get(0);
        assertEquals("source-first/mixed-quote", kcna.rule());
        assertEquals(1, candidates.stream().filter(c -> c.sentence().equals(kcna.sentence())).count(),
                "the leader's words inside KCNA's report are not a second claim");
    }
}
