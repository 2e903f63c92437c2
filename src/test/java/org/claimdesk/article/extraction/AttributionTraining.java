package org.claimdesk.article.extraction;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rebuilds the extractor's three learned files from PolNeAR train, and nothing else: word-classes.tsv (each word's
 * usual Penn tag and lemma, from CoreNLP's annotations in train/tokens), learned-cues.tsv (CueTraining) and
 * attribution-model.tsv (a logistic regression over AttributionFeatures of every rule's draft). Run it with
 * {@code ./mvnw -B -q test-compile exec:java@train-extraction}; the result is the same on every run.
 * <p>
 * Every fifth train article is held out first: the model is fitted on the rest, and of the thresholds that keep the
 * one-to-one paired precision on the held-out fifth at {@value #TARGET_PRECISION} or more, the one with the best F1
 * is kept. Then the model is fitted again on all of train with that
 * threshold. Dev is never read.
 */
public final class AttributionTraining {

    static final int HELD_OUT = 5;
    static final int CUTOFF = 3;
    static final double L2 = 1e-4;
    static final int ITERATIONS = 400;
    static final double LEARNING_RATE = 0.5;
    /** The issue's precision target: the threshold is the best for F1 among those that reach it on held-out train. */
    static final double TARGET_PRECISION = 0.85;
    /** Penn tags of words that are never the head of a cue of their own: adverbs, prepositions, determiners ... */
    static final java.util.Set<String> NOT_CUE_TAGS = java.util.Set.of("RB", "RBR", "RBS", "IN", "DT", "PDT", "CC",
            "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "TO", "MD", "CD", "EX", "RP", "UH", "POS");

    private AttributionTraining() {
    }

    /** One draft of train, its features and whether a gold attribution backs it. */
    record Example(List<String> features, boolean positive) {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path train = Path.of(System.getProperty("polnear", "../shared/datasets/polnear")).resolve("train");
        Path sources = Path.of("src/main/resources/org/claimdesk/article/extraction");
        // the classes folder too, so that this run's Cues and WordClasses read the lists it has just written
        Path classes = Path.of(Extractor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/claimdesk/article/extraction");
        List<PolnearCorpus.Article> articles = PolnearCorpus.read(train);

        List<String> wordClasses = wordClasses(train.resolve("tokens"));
        write(List.of(sources, classes), "word-classes.tsv", wordClasses);
        Map<String, String> tags = new HashMap<>();
        for (String line : wordClasses) {
            String[] cols = line.split("\t");
            if (!line.startsWith("#")) {
                tags.put(cols[0], cols[1]);
            }
        }
        // a cue is a verb, noun or adjective: "then" and "now" head a cue now and again, but only by a slip
        write(List.of(sources, classes), "learned-cues.tsv", CueTraining.lines(articles, 0,
                word -> !NOT_CUE_TAGS.contains(tags.getOrDefault(word, "NN"))));

        List<List<Example>> byArticle = new ArrayList<>();
        for (PolnearCorpus.Article article : articles) {
            byArticle.add(examples(article));
        }
        List<Example> fitPart = new ArrayList<>();
        List<Example> heldPart = new ArrayList<>();
        for (int n = 0; n < byArticle.size(); n++) {
            (n % HELD_OUT == 0 ? heldPart : fitPart).addAll(byArticle.get(n));
        }
        System.out.printf(Locale.ROOT, "%d drafts to fit on, %d held out (%.0f%% and %.0f%% backed by gold)%n",
                fitPart.size(), heldPart.size(), 100.0 * positives(fitPart) / fitPart.size(),
                100.0 * positives(heldPart) / heldPart.size());

        Map<String, Double> partWeights = fit(fitPart);
        calibration(new AttributionModel(partWeights, 0), heldPart);
        double best = 0;
        double bestF1 = -1;
        System.out.println("threshold on the held-out fifth of train (one-to-one paired):");
        for (int step = 0; step <= 24; step++) {
            double threshold = 0.1 + 0.025 * step;
            Evaluation.Score score = heldOutScore(articles, new AttributionModel(partWeights, threshold));
            System.out.printf(Locale.ROOT, "  %.3f  P %.3f  R %.3f  F1 %.3f  srcAcc %.3f%n", threshold,
                    score.precision(), score.recall(), score.f1(), score.sourceAccuracy());
            // a reviewer's time goes into false finds: the best F1 among thresholds that keep precision at the target
            if (score.precision() >= TARGET_PRECISION && score.f1() > bestF1 + 1e-9) {
                bestF1 = score.f1();
                best = threshold;
            }
        }
        System.out.printf(Locale.ROOT, "chose threshold %.3f (held-out paired F1 %.3f)%n", best, bestF1);
        // the model of the first four fifths, for Evaluation -Dsplit=train -Dheldout=5 to score the last fifth fairly
        Files.write(Path.of("target/heldout-attribution-model.tsv"), new AttributionModel(partWeights, best).lines(),
                StandardCharsets.UTF_8);

        List<Example> all = new ArrayList<>(fitPart);
        all.addAll(heldPart);
        AttributionModel model = new AttributionModel(fit(all), best);
        List<String> lines = new ArrayList<>();
        lines.add("# attribution model: logistic-regression weight of each AttributionFeatures feature, and the");
        lines.add("# threshold chosen on held-out train; generated by AttributionTraining"
                + " (./mvnw -B -q test-compile exec:java@train-extraction); do not edit");
        lines.addAll(model.lines());
        write(List.of(sources, classes), "attribution-model.tsv", lines);
    }

    /** Every draft of the article's sentences, after SourceChecks, labelled against the gold attributions. */
    static List<Example> examples(PolnearCorpus.Article article) {
        String text = article.text();
        Quotes quotes = Quotes.of(text);
        List<Example> out = new ArrayList<>();
        AttributionModel none = new AttributionModel(Map.of(), 0);
        for (Span sentence : SentenceSplitter.split(text)) {
            List<Token> tokens = Token.tokenize(text, sentence.start(), sentence.end());
            for (Draft d : Extractor.weigh(Extractor.drafts(text, tokens, quotes), tokens, none, false)) {
                out.add(new Example(AttributionFeatures.of(d, tokens), backed(d, article.attributions())));
            }
        }
        return out;
    }

    /** Whether a gold attribution has the draft's claim as content, and its cue or source where the draft has it. */
    static boolean backed(Draft d, List<PolnearCorpus.Attribution> gold) {
        Span claim = new Span(d.claimStart(), d.claimEnd());
        Span cue = new Span(d.cueStart(), d.cueEnd());
        Span source = new Span(d.sourceStart(), d.sourceEnd());
        return gold.stream().anyMatch(a -> Evaluation.overlaps(a.content(), claim)
                && (a.cue() == null || a.cue().overlap(cue) > 0 || a.source() != null && a.source().overlap(source) > 0));
    }

    private static Evaluation.Score heldOutScore(List<PolnearCorpus.Article> articles, AttributionModel model) {
        Extractor extractor = new Extractor(List.of(), model);
        Evaluation.Score total = new Evaluation.Score();
        for (int n = 0; n < articles.size(); n += HELD_OUT) {
            PolnearCorpus.Article a = articles.get(n);
            total.add(Evaluation.polnear(extractor.extract(a.text()), a.attributions()));
        }
        return total;
    }

    /** How often a held-out draft is backed by gold, against the probability the model gives it. */
    private static void calibration(AttributionModel model, List<Example> held) {
        int[] n = new int[10];
        int[] pos = new int[10];
        double[] sum = new double[10];
        for (Example e : held) {
            double p = model.probability(e.features());
            int bin = Math.min(9, (int) (p * 10));
            n[bin]++;
            sum[bin] += p;
            pos[bin] += e.positive() ? 1 : 0;
        }
        System.out.println("calibration on held-out train drafts (probability bin: drafts, mean probability, share"
                + " backed by gold):");
        for (int b = 0; b < 10; b++) {
            if (n[b] > 0) {
                System.out.printf(Locale.ROOT, "  %.1f-%.1f  %5d  %.3f  %.3f%n", b / 10.0, (b + 1) / 10.0, n[b],
                        sum[b] / n[b], (double) pos[b] / n[b]);
            }
        }
    }

    private static long positives(List<Example> examples) {
        return examples.stream().filter(Example::positive).count();
    }

    /**
     * L2-regularised logistic regression by full-batch AdaGrad, from zero weights, over the features seen at least
     * {@value #CUTOFF} times: deterministic, so the same data gives the same file.
     */
    static Map<String, Double> fit(List<Example> examples) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            for (String f : e.features()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        names.add(AttributionModel.BIAS);
        index.put(AttributionModel.BIAS, 0);
        counts.entrySet().stream().filter(e -> e.getValue() >= CUTOFF).map(Map.Entry::getKey).sorted()
                .forEach(f -> {
                    index.put(f, names.size());
                    names.add(f);
                });
        int[][] x = new int[examples.size()][];
        double[] y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            x[i] = Stream.concat(Stream.of(AttributionModel.BIAS), examples.get(i).features().stream().distinct())
                    .filter(index::containsKey).mapToInt(index::get).toArray();
            y[i] = examples.get(i).positive() ? 1 : 0;
        }
        double[] w = new double[names.size()];
        double[] g2 = new double[names.size()];
        double[] grad = new double[names.size()];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < x.length; i++) {
                double z = 0;
                for (int f : x[i]) {
                    z += w[f];
                }
                double err = 1 / (1 + Math.exp(-z)) - y[i];
                for (int f : x[i]) {
                    grad[f] += err;
                }
            }
            for (int f = 0; f < w.length; f++) {
                double g = grad[f] / x.length + (f == 0 ? 0 : L2 * w[f]);
                g2[f] += g * g;
                w[f] -= LEARNING_RATE * g / (Math.sqrt(g2[f]) + 1e-8);
            }
        }
        Map<String, Double> weights = new HashMap<>();
        for (int f = 0; f < w.length; f++) {
            if (Math.abs(w[f]) >= 0.005) {
                weights.put(names.get(f), w[f]);
            }
        }
        return weights;
    }

    /**
     * Each word's most frequent Penn tag and lemma in CoreNLP's annotations of train, for words seen at least
     * twice, as written ("Trump") and in lower case.
     */
    static List<String> wordClasses(Path tokens) throws IOException {
        Map<String, Map<String, Integer>> tags = new HashMap<>();
        Map<String, Map<String, Integer>> lemmas = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(tokens)) {
            files = list.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        for (Path file : files) {
            List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int r = 1; r < rows.size(); r++) {
                String[] cols = rows.get(r).split("\t");
                if (cols.length < 7) {
                    continue;
                }
                String word = cols[4].replace('’', '\'');
                for (String key : word.equals(word.toLowerCase(Locale.ROOT)) ? List.of(word)
                        : List.of(word, word.toLowerCase(Locale.ROOT))) {
                    tags.computeIfAbsent(key, k -> new HashMap<>()).merge(cols[6], 1, Integer::sum);
                    lemmas.computeIfAbsent(key, k -> new HashMap<>()).merge(cols[5].toLowerCase(Locale.ROOT), 1,
                            Integer::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# word, its most frequent Penn tag and lemma in CoreNLP's annotations of PolNeAR train");
        lines.add("# generated by AttributionTraining (./mvnw -B -q test-compile exec:java@train-extraction); do not edit");
        tags.keySet().stream().sorted().forEach(word -> {
            Map<String, Integer> t = tags.get(word);
            if (t.values().stream().mapToInt(Integer::intValue).sum() >= 2) {
                lines.add(word + "\t" + top(t) + "\t" + top(lemmas.get(word)));
            }
        });
        return lines;
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .findFirst().orElseThrow().getKey();
    }

    private static void write(List<Path> folders, String name, List<String> lines) throws IOException {
        for (Path folder : folders) {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), lines, StandardCharsets.UTF_8);
        }
        System.out.println("Wrote " + name + " (" + lines.size() + " lines)");
    }
}
