package org.claimdesk.match;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How rare each word of a query is among the desk's claims, for a BM25-like score of shared words. Words are
 * PostgreSQL's English lexemes (the same stems as the claim's full-text column, {@code search_vector}). The common
 * ones' frequencies come from the planner's statistics of that column (no count at all); the rest, rare by
 * definition, are counted through the full-text index, a few hundred rows at most.
 */
final class Lexicon {

    /**
     * Above this many claims a word counts as common, whatever its exact number: one more than the rarest words
     * that find candidates ({@link ClaimMatcher#RARE_WORD}), so a capped word never does. Counting reads up to this
     * many rows for each word the statistics do not know.
     */
    static final int COUNT_CAP = ClaimMatcher.RARE_WORD + 1;
    static final long RELOAD_NANOS = 300_000_000_000L;

    /** At most this many counted words are remembered (a desk's working vocabulary; some 5 MB)... */
    static final int COUNTED_WORDS = 50_000;
    /** ...and only on a desk of this many claims or more: on a smaller one a count is cheap, and always current. */
    static final double REMEMBER_FROM = 50_000;

    private final double claims;
    private final Map<String, Double> commonShare;
    /**
     * The rarer words counted since this was loaded: each count reads up to {@value #COUNT_CAP} rows, several ms
     * at a million claims, and a desk's questions share most of their words. Forgotten with the rest at the reload.
     */
    private final Map<String, Double> counted = new java.util.concurrent.ConcurrentHashMap<>();
    private final double rarestCommonShare;
    final long loadedAt = System.nanoTime();

    private Lexicon(double claims, Map<String, Double> commonShare, double rarestCommonShare) {
        this.claims = claims;
        this.commonShare = commonShare;
        this.rarestCommonShare = rarestCommonShare;
    }

    static Lexicon load(Connection connection) throws SQLException {
        double claims = 0;
        try (PreparedStatement s = connection.prepareStatement(
                // the last ANALYZE's count, or the live count when the desk has grown since
                "SELECT greatest(c.reltuples, coalesce(t.n_live_tup, 0)) FROM pg_class c "
                        + "LEFT JOIN pg_stat_user_tables t ON t.relid = c.oid WHERE c.oid = 'claim'::regclass");
                ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                claims = rs.getDouble(1);
            }
        }
        if (claims <= 0) { // never analysed: a small or new desk, cheap to count
            try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM claim");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                claims = rs.getLong(1);
            }
        }
        Map<String, Double> common = new HashMap<>();
        double rarest = 1;
        try (PreparedStatement s = connection.prepareStatement("SELECT most_common_elems::text::text[], "
                + "most_common_elem_freqs FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'claim' "
                + "AND attname = 'search_vector'"); ResultSet rs = s.executeQuery()) {
            if (rs.next() && rs.getArray(1) != null) {
                String[] words = (String[]) rs.getArray(1).getArray();
                Object[] shares = (Object[]) rs.getArray(2).getArray();
                for (int i = 0; i < words.length; i++) {
                    double share = ((Number) shares[i]).doubleValue();
                    common.put(words[i], share);
                    rarest = Math.min(rarest, share);
                }
            }
        }
        return new Lexicon(Math.max(1, claims), common, common.isEmpty() ? 1 : rarest);
    }

    boolean stale() {
        return System.nanoTime() - loadedAt > RELOAD_NANOS;
    }

    double claims() {
        return claims;
    }

    /** The lexemes of a text, as the claim's full-text column would hold them ("15,000" as 15000). */
    static List<String> lexemes(Connection connection, String text) throws SQLException {
        List<String> words = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT unnest(tsvector_to_array(to_tsvector("
                + "'english', regexp_replace(?, '(\\d),(?=\\d{3})', '\\1', 'g'))))")) {
            s.setString(1, text);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String w = rs.getString(1);
                    // quotes and backslashes would need escaping in a tsquery; such words are rare and add little
                    if (w.indexOf('\'') < 0 && w.indexOf('\\') < 0) {
                        words.add(w);
                    }
                }
            }
        }
        return words;
    }

    /** How many claims hold each word (an estimate for common words), in the order given. */
    Map<String, Double> claimsWith(Connection connection, List<String> words) throws SQLException {
        Map<String, Double> counts = new LinkedHashMap<>();
        List<String> rare = new ArrayList<>();
        for (String w : words) {
            Double share = commonShare.get(w);
            Double known = counted.get(w);
            if (share != null) {
                counts.put(w, share * claims);
            } else if (known != null) {
                counts.put(w, known);
            } else {
                counts.put(w, null);
                rare.add(w);
            }
        }
        if (!rare.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("SELECT w, (SELECT count(*) FROM (SELECT 1 FROM "
                    + "claim WHERE search_vector @@ (quote_literal(w) || ':A')::tsquery LIMIT ?) x) FROM unnest(?) w")) {
                s.setInt(1, COUNT_CAP);
                Array array = connection.createArrayOf("text", rare.toArray());
                s.setArray(2, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), (double) rs.getLong(2));
                        if (claims >= REMEMBER_FROM && counted.size() < COUNTED_WORDS) {
                            counted.put(rs.getString(1), (double) rs.getLong(2));
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** BM25's inverse document frequency. */
    double idf(double claimsWith) {
        return Math.log(1 + (claims - claimsWith + 0.5) / (claimsWith + 0.5));
    }

    /** The words of a claim it shares with the query. */
    static List<String> shared(Map<String, Double> queryIdf, Set<String> claimWords) {
        List<String> shared = new ArrayList<>();
        for (String w : queryIdf.keySet()) {
            if (claimWords.contains(w)) {
                shared.add(w);
            }
        }
        return shared;
    }

    /**
     * BM25 (k1 1.2, b 0.75, each word counted once) of a claim's words against the query's, divided by the score of a
     * claim holding every query word, so that 1 is all words shared and 0 none.
     */
    static double bm25(Map<String, Double> queryIdf, Set<String> claimWords, double averageLength) {
        double k1 = 1.2;
        double b = 0.75;
        double score = 0;
        double best = 0;
        double norm = k1 * (1 - b + b * claimWords.size() / Math.max(1, averageLength));
        for (Map.Entry<String, Double> e : queryIdf.entrySet()) {
            best += e.getValue();
            if (claimWords.contains(e.getKey())) {
                score += e.getValue() * (k1 + 1) / (1 + norm);
            }
        }
        return best == 0 ? 0 : score / (best * (k1 + 1) / (1 + k1));
    }
}
