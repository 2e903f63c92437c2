package org.claimdesk.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Combines a claim's closeness in meaning with the words it shares into one score. The weights are learned from the
 * CheckThat! 2020 training split by {@code MatchEvaluation --train} (see README, "Claim matching quality") and kept in
 * {@code ranker.properties}; the score stays between 0 and 1.
 */
public record Ranker(double meaning, double words) {

    public static final Ranker LEARNED = load();

    static Ranker load() {
        Properties p = new Properties();
        try (InputStream in = Ranker.class.getResourceAsStream("ranker.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Ranker(Double.parseDouble(p.getProperty("meaning", "1")),
                Double.parseDouble(p.getProperty("words", "0.5")));
    }

    /**
     * Shared words count in proportion to the closeness in meaning: a claim sharing one rare name ("Delaware") but
     * saying something else gains little, a paraphrase sharing it gains much.
     */
    public double score(double cosine, double bm25Share) {
        double c = Math.max(0, cosine);
        return (meaning * c + words * bm25Share * c) / (meaning + words);
    }
}
