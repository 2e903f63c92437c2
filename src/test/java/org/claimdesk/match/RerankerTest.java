package org.claimdesk.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RerankerTest {

    private static double[] features(String query, String claim, double meaning, double words) {
        return MatchFeatures.of(query, Map.of("biden", 5.0, "hous", 1.0), 3.5, List.of(new MatchFeatures.Pair(meaning,
                words, meaning, Set.of("biden", "former", "mansion"), claim))).get(0);
    }

    @Test
    void theSameNamesAndNumbersAreCountedAndDifferentNumbersAreNoticed() {
        String query = "Biden has 3 houses in Delaware";
        double[] same = features(query, "Joe Biden owns 3 houses in Delaware.", 0.7, 0.4);
        double[] other = features(query, "Biden owns 12 houses.", 0.7, 0.4);
        int numbers = List.of(MatchFeatures.NAMES).indexOf("shared_numbers");
        int differ = List.of(MatchFeatures.NAMES).indexOf("numbers_differ");
        int names = List.of(MatchFeatures.NAMES).indexOf("names_shared");
        assertEquals(1, same[numbers]);
        assertEquals(0, same[differ]);
        assertEquals(2, same[names], "Biden and Delaware");
        assertEquals(0, other[numbers]);
        assertEquals(1, other[differ]);
        assertEquals(1, other[names]);
    }

    @Test
    void trainingLearnsWhichFeatureMarksTheRelevantClaim() {
        Random random = new Random(7);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> relevant = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double[] x = new double[MatchFeatures.NAMES.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextDouble();
            }
            rows.add(x);
            relevant.add(x[0] + 0.1 * random.nextGaussian() > 0.8);
        }
        Reranker model = Reranker.train(rows, relevant);
        assertTrue(model.weights()[0] > 1, "meaning carries the label: " + model.weights()[0]);
        for (int j = 1; j < model.weights().length; j++) {
            assertTrue(Math.abs(model.weights()[j]) < model.weights()[0] / 4, "noise stays small: " + j);
        }
    }

    @Test
    void claimsWithTheSameWordsShareTheirBestScoreAndTheOlderComesFirst() {
        long[] ids = { 51, 1, 101, 151 };
        String[] statements = { "Donald Trump has called global warming a 'hoax' on multiple occasions.",
            "Donald Trump has called global warming a \"hoax\" on multiple occasions.",
            "Global warming stopped in 1998.", "Trump called climate change a Chinese hoax." };
        double[] scores = { 0.81, 0.80, 0.3, 0.81 };
        assertArrayEquals(new int[] { 1, 0, 3, 2 }, ClaimMatcher.order(ids, statements, scores),
                "the twins first, the older of them first; the tie with another claim also goes to the older");
        assertEquals(0.81, scores[1], "the twins share the best score");
    }
}
