package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.claimdesk.demo.DemoDesk;

/**
 * Times extraction of a 1,000-word article after warm-up: the demo article's text repeated to 1,000 words, with the
 * demo registry. Run it with {@code src/bench/extraction.sh} (or
 * {@code ./mvnw -B -q test-compile exec:java@benchmark-extraction}); it is not a test.
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) {
        int words = Integer.getInteger("words", 1000);
        int warmup = Integer.getInteger("warmup", 2000);
        int runs = Integer.getInteger("runs", 2000);
        String article = article(words);
        Extractor extractor = new Extractor(DemoDesk.registry());
        int candidates = 0;
        for (int i = 0; i < warmup; i++) {
            candidates = extractor.extract(article).size();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            extractor.extract(article);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "extract, %d words, %d candidates, %d runs after %d warm-up: "
                + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", words, candidates, runs, warmup,
                nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, nanos[runs * 99 / 100] / 1e6,
                nanos[runs - 1] / 1e6);
    }

    /** The demo article without its page furniture, repeated and cut at {@code words} words. */
    static String article(int words) {
        String text;
        try (InputStream in = DemoDesk.class.getResourceAsStream("/org/claimdesk/demo/kcna-shells-article.txt")) {
            text = ArticleCleaner.fromText(new String(in.readAllBytes(), StandardCharsets.UTF_8)).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (count < words) {
            for (String paragraph : text.split("\n")) {
                String[] w = paragraph.split(" ");
                if (count + w.length > words) {
                    break;
                }
                out.append(paragraph).append("\n\n");
                count += w.length;
            }
            if (count + 40 > words) {
                break;
            }
        }
        return out.toString().strip();
    }
}
