package org.claimdesk.match;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.quarkus.runtime.StartupEvent;

/**
 * Sentence embeddings of claims, computed in this process by all-MiniLM-L6-v2 (quantized, 384 dimensions) on ONNX
 * Runtime; the model ships inside its Maven jar, so nothing is downloaded. Vectors are stored as one signed byte per
 * dimension (see {@link #quantize}).
 */
@ApplicationScoped
public class Embedder {

    public static final int DIMENSIONS = 384;
    /** MiniLM reads at most 256 word pieces; longer text only costs time. */
    static final int MAX_CHARS = 1500;
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("\\p{Cf}+");

    // two threads at most: the machine it runs on may have many cores but the desk's requests need them too
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "claim-embedding");
                t.setDaemon(true);
                return t;
            });
    private final CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();

    /** Loads the model (about a second) beside the start of the app, so the first request does not wait for it. */
    void onStart(@Observes StartupEvent event) {
        pool.execute(this::load);
    }

    private void load() {
        if (model.isDone()) {
            return;
        }
        try {
            TokenizerLibrary.beforeLoad();
            model.complete(new AllMiniLmL6V2QuantizedEmbeddingModel(pool));
            TokenizerLibrary.afterLoad();
        } catch (RuntimeException | Error e) {
            model.completeExceptionally(e);
        }
    }

    EmbeddingModel model() {
        if (!model.isDone()) {
            synchronized (this) {
                load();
            }
        }
        return model.join();
    }

    /** The unit-length embedding of a text. */
    public float[] embed(String text) {
        return normalised(model().embed(clip(text)).content().vector());
    }

    /** Embeddings of many texts at once, in their order: much cheaper per text than one by one. */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(clip(text)));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            vectors.add(normalised(e.vector()));
        }
        return vectors;
    }

    private static String clip(String text) {
        // format characters (direction marks, zero-width joiners) carry no meaning, and a text of nothing else would
        // reach the tokenizer empty, which refuses it
        String visible = text == null ? "" : FORMAT.matcher(text).replaceAll("");
        String t = visible.isBlank() ? "-" : visible.strip();
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    /**
     * One signed byte per dimension, scaled so that the largest component is 127. The scale is not kept: cosines
     * divide by the stored vector's own length (see {@link #cosine}), so it cancels out.
     */
    public static byte[] quantize(float[] v) {
        float max = 1e-9f;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] q = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            q[i] = (byte) Math.round(v[i] / max * 127f);
        }
        return q;
    }

    public static float[] dequantize(byte[] q) {
        float[] v = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = q[i];
        }
        return normalised(v);
    }

    /**
     * The cosine of a unit-length query and a stored vector. Four running sums instead of one, so the processor can
     * add them side by side (a search scores hundreds of stored vectors); the stored length is summed exactly, in ints.
     */
    public static double cosine(float[] unit, byte[] stored) {
        float d0 = 0;
        float d1 = 0;
        float d2 = 0;
        float d3 = 0;
        int norm = 0;
        int i = 0;
        for (int n = stored.length & ~3; i < n; i += 4) {
            int b0 = stored[i];
            int b1 = stored[i + 1];
            int b2 = stored[i + 2];
            int b3 = stored[i + 3];
            d0 += unit[i] * b0;
            d1 += unit[i + 1] * b1;
            d2 += unit[i + 2] * b2;
            d3 += unit[i + 3] * b3;
            norm += b0 * b0 + b1 * b1 + b2 * b2 + b3 * b3;
        }
        for (; i < stored.length; i++) {
            int b = stored[i];
            d0 += unit[i] * b;
            norm += b * b;
        }
        return norm == 0 ? 0 : ((double) d0 + d1 + d2 + d3) / Math.sqrt(norm);
    }

    /** The dot product of two vectors of the same length, with four running sums as in {@link #cosine}. */
    public static double dot(float[] a, float[] b) {
        float d0 = 0;
        float d1 = 0;
        float d2 = 0;
        float d3 = 0;
        int i = 0;
        for (int n = a.length & ~3; i < n; i += 4) {
            d0 += a[i] * b[i];
            d1 += a[i + 1] * b[i + 1];
            d2 += a[i + 2] * b[i + 2];
            d3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            d0 += a[i] * b[i];
        }
        return (double) d0 + d1 + d2 + d3;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
