package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The attribution model's features, its probabilities and reasons, and the model file shipped with the app. */
class AttributionModelTest {

    private static final String SENTENCE = "Officials said that the shells were shipped in May.";

    private static Draft said() {
        return new Draft(0, 9, 10, 14, "said", 20, SENTENCE.length() - 1, 0.9, "source-first");
    }

    @Test
    void featuresNameTheCueTheSourceAndTheClaim() {
        List<String> f = AttributionFeatures.of(said(), Token.tokenize(SENTENCE, 0, SENTENCE.length()));
        assertTrue(f.contains("rule=source-first"), f::toString);
        assertTrue(f.contains("cue=said"), f::toString);
        assertTrue(f.contains("cue.lemma=say"), f::toString);
        assertTrue(f.contains("cue.list=speech"), f::toString);
        assertTrue(f.contains("cue.after=that"), f::toString);
        assertTrue(f.contains("source.head=NNS"), f::toString);
        assertTrue(f.contains("source.headword=officials"), f::toString);
        assertTrue(f.contains("claim.side=after"), f::toString);
    }

    @Test
    void pairedFeaturesJoinTheCueToItsSideItsNextWordAndItsSource() {
        List<String> f = AttributionFeatures.of(said(), Token.tokenize(SENTENCE, 0, SENTENCE.length()));
        assertTrue(f.contains("cue.lemma+side=say+after"), f::toString);
        assertTrue(f.contains("cue.lemma+after=say+that"), f::toString);
        assertTrue(f.contains("cue.lemma+source.pronoun=say+false"), f::toString);
        assertTrue(f.contains("cue.lemma+source.first=say+NNS"), f::toString);
        assertTrue(f.contains("source.head+cue.list=NNS+speech"), f::toString);
        assertTrue(f.contains("source.gap=<=0"), f::toString);
        assertTrue(f.contains("claim.hasQuote+side=false+after"), f::toString);
    }

    @Test
    void probabilityIsTheLogisticOfTheSummedWeights() {
        AttributionModel model = new AttributionModel(Map.of("bias", -1.0, "cue=said", 3.0, "source.head=VB", -4.0),
                0.5);
        assertEquals(1 / (1 + Math.exp(-2.0)), model.probability(List.of("cue=said", "unknown")), 1e-9);
        assertEquals(1 / (1 + Math.exp(2.0)), model.probability(List.of("cue=said", "source.head=VB")), 1e-9);
        assertEquals(List.of("source.head=VB -4.00", "cue=said +3.00"),
                model.strongest(List.of("cue=said", "source.head=VB", "unknown"), 2));
    }

    @Test
    void trainingLearnsWhichFeatureMarksAnAttributionAndCalibratesIt() {
        List<AttributionTraining.Example> examples = new java.util.ArrayList<>();
        for (int n = 0; n < 40; n++) {
            // "cue=said" is backed by gold three times in four, "cue=saw" once in four
            examples.add(new AttributionTraining.Example(List.of("cue=said"), n % 4 != 0));
            examples.add(new AttributionTraining.Example(List.of("cue=saw"), n % 4 == 0));
        }
        AttributionModel model = new AttributionModel(AttributionTraining.fit(examples), 0.5);
        assertEquals(0.75, model.probability(List.of("cue=said")), 0.05);
        assertEquals(0.25, model.probability(List.of("cue=saw")), 0.05);
    }

    @Test
    void theShippedModelKeepsAPlainReportAndGivesItsReasons() {
        AttributionModel model = AttributionModel.bundled();
        assertFalse(model.isEmpty(), "attribution-model.tsv is missing: run exec:java@train-extraction");
        assertTrue(model.threshold() > 0 && model.threshold() < 1);
        List<Candidate> found = new Extractor(List.of()).extract(SENTENCE);
        assertEquals(1, found.size(), found::toString);
        Candidate c = found.get(0);
        assertTrue(c.confidence() >= model.threshold() && c.confidence() < 1, () -> "confidence " + c.confidence());
        assertEquals(3, c.evidence().size(), c.evidence()::toString);
    }

    @Test
    void wordClassesKnowVerbsNounsAndLemmas() {
        List<Token> t = Token.tokenize("discuss reports said Trump", 0, 26);
        assertEquals("VB", WordClasses.tag(t.get(0)));
        assertTrue(WordClasses.tag(t.get(1)).startsWith("NN"), WordClasses.tag(t.get(1)));
        assertEquals("say", WordClasses.lemma(t.get(2)));
        assertEquals("NNP", WordClasses.tag(t.get(3)));
    }
}
