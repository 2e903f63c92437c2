package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The learned stage of the extractor: a logistic regression over the named features of a rule's draft
 * (AttributionFeatures) that says how likely the draft is a real attribution. Trained on PolNeAR train by
 * AttributionTraining ({@code ./mvnw -B -q test-compile exec:java@train-extraction}) into attribution-model.tsv:
 * one weight per feature, and the threshold below which a draft is not proposed, chosen on a held-out part of train.
 */
final class AttributionModel {

    static final String BIAS = "bias";

    private final Map<String, Double> weights;
    private final double threshold;

    AttributionModel(Map<String, Double> weights, double threshold) {
        this.weights = Map.copyOf(weights);
        this.threshold = threshold;
    }

    /** The model shipped with the app; with no model file every draft passes at its rule's own confidence. */
    static AttributionModel bundled() {
        return Bundled.MODEL;
    }

    private static final class Bundled {
        static final AttributionModel MODEL = read("attribution-model.tsv");
    }

    static AttributionModel read(String resource) {
        try (InputStream in = AttributionModel.class.getResourceAsStream(resource)) {
            return in == null ? new AttributionModel(Map.of(), 0) : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AttributionModel read(InputStream in) {
        Map<String, Double> weights = new HashMap<>();
        double threshold = 0;
        try {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t");
                if (line.startsWith("#") || cols.length < 2) {
                    continue;
                }
                if (cols[0].equals("threshold")) {
                    threshold = Double.parseDouble(cols[1]);
                } else {
                    weights.put(cols[0], Double.parseDouble(cols[1]));
                }
            }
            return new AttributionModel(weights, threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isEmpty() {
        return weights.isEmpty();
    }

    double threshold() {
        return threshold;
    }

    /** The probability that a draft with these features is an attribution. */
    double probability(List<String> features) {
        double z = weights.getOrDefault(BIAS, 0.0);
        for (String f : features) {
            z += weights.getOrDefault(f, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The features that moved the probability most, strongest first, as "cue.share=>0.6 +1.49". */
    List<String> strongest(List<String> features, int n) {
        List<String> known = new ArrayList<>(features.stream().filter(weights::containsKey).distinct().toList());
        known.sort(Comparator.comparingDouble((String f) -> -Math.abs(weights.get(f))));
        return known.stream().limit(n)
                .map(f -> String.format(Locale.ROOT, "%s %+.2f", f, weights.get(f))).toList();
    }

    /** The model file's lines: the threshold, then each weight, in a stable order. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "threshold\t%.3f", threshold));
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(String.format(Locale.ROOT, "%s\t%.4f", e.getKey(), e.getValue())));
        return lines;
    }
}
