package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        // the floor, measured in the same run: the same rules without the attribution model
        Extractor rulesOnly = new Extractor(DemoDesk.registry(), new AttributionModel(java.util.Map.of(), 0));
        int candidates = 0;
        for (int i = 0; i < warmup; i++) {
            candidates = extractor.extract(article).size();
            rulesOnly.extract(article);
        }
        // CPU time as well as wall time: on a shared machine, wall time also counts waiting for a core
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        long[] floorWall = new long[runs];
        long[] floorCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            extractor.extract(article);
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            cpuStart = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            rulesOnly.extract(article);
            floorWall[i] = System.nanoTime() - start;
            floorCpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        System.out.printf(Locale.ROOT, "extract, %d words, %d candidates, %d runs after %d warm-up:%n",
                article.split("\\s+").length, candidates, runs, warmup);
        print("wall time", wall);
        print("CPU time", cpu);
        System.out.println("floor, the same rules without the model (interleaved with the runs above):");
        print("wall time", floorWall);
        print("CPU time", floorCpu);
    }

    private static void print(String what, long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        System.out.printf(Locale.ROOT, "  %-9s p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                nanos[n / 2] / 1e6, nanos[n * 9 / 10] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
    }

    /** The demo article without its page furniture, repeated and cut after exactly {@code words} words. */
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
                int take = Math.min(w.length, words - count);
                if (take <= 0) {
                    break;
                }
                out.append(String.join(" ", Arrays.asList(w).subList(0, take))).append("\n\n");
                count += take;
            }
        }
        return out.toString().strip();
    }
}
