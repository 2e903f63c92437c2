package org.claimdesk.match;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Was this checked before?": the desk's claims closest to a text, by meaning (sentence embeddings, read through the
 * inverted-file lists of {@link Centroids}) and by shared rare words (the full-text index), scored together by
 * {@link Ranker}. One engine for the "Checked before?" box, the claim page, the import review and the API; other
 * features call {@link #nearest(String, int)}.
 */
@ApplicationScoped
public class ClaimMatcher {

    public static final int MAX_LIMIT = 50;
    /** The nearest this many by meaning are scored in full. */
    static final int MEANING_CANDIDATES = 60;
    /** The best this many by shared words are scored in full. */
    static final int WORD_CANDIDATES = 40;
    /** A word held by at most this many claims is used to find candidates; commoner words only score. */
    static final int RARE_WORD = 300;
    static final int WORDS_FOR_CANDIDATES = 6;
    static final int ROWS_PER_WORD_SEARCH = 2000;
    /** Below this score a claim is not worth a reviewer's look... */
    public static final double SHOWN = 0.35;
    /** ...unless it is this close in meaning (a paraphrase sharing no word scores low on words). */
    public static final double SHOWN_MEANING = 0.5;

    @Inject
    DataSource dataSource;

    @Inject
    Embedder embedder;

    @Inject
    Centroids centroids;

    @Inject
    MeaningCodes codes;

    private volatile Lexicon lexicon;

    /** The claims closest to a text, best first, at most {@code limit} (1 to 50). */
    public List<Match> nearest(String text, int limit) {
        String post = PastedPost.clean(text);
        float[] query = embedder.embed(post);
        try (Connection connection = dataSource.getConnection()) {
            return search(connection, query, post, null, limit, Ranker.LEARNED, SHOWN);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the desk for matching claims", e);
        }
    }

    /** {@link #nearest(String, int)} for many texts at once (an article's candidates): embedded in one batch. */
    public List<List<Match>> nearestAll(List<String> texts, int limit) {
        List<String> posts = texts.stream().map(PastedPost::clean).toList();
        List<float[]> queries = embedder.embedAll(posts);
        List<List<Match>> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < texts.size(); i++) {
                all.add(search(connection, queries.get(i), posts.get(i), null, limit, Ranker.LEARNED, SHOWN));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the desk for matching claims", e);
        }
        return all;
    }

    /** The claims closest to a claim of the desk (not itself), best first; none for an unknown claim. */
    public List<Match> relatedTo(long claimId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            String statement = null;
            byte[] stored = null;
            try (PreparedStatement s = connection.prepareStatement("SELECT c.statement, e.vector FROM claim c "
                    + "LEFT JOIN claim_embedding e ON e.claim_id = c.id WHERE c.id = ?")) {
                s.setLong(1, claimId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        statement = rs.getString(1);
                        stored = rs.getBytes(2);
                    }
                }
            }
            if (statement == null) {
                return List.of();
            }
            // a claim stored before matching existed has no vector until `match-index` runs: embed it now
            float[] query = stored == null ? embedder.embed(statement) : Embedder.dequantize(stored);
            return search(connection, query, statement, claimId, limit, Ranker.LEARNED, SHOWN);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the desk for matching claims", e);
        }
    }

    /** Reads the words' statistics again at the next search (after a bulk load and ANALYZE). */
    void forgetWords() {
        lexicon = null;
    }

    Lexicon lexicon(Connection connection) throws SQLException {
        Lexicon l = lexicon;
        if (l == null || l.stale()) {
            l = Lexicon.load(connection);
            lexicon = l;
        }
        return l;
    }

    /** A claim found, before its details are read. */
    static final class Candidate {
        final long id;
        double meaning = Double.NaN;
        /** The claim's vector (the evaluation compares it with each sentence of the query). */
        float[] vector;
        double words;
        Set<String> claimWords;
        double score;

        Candidate(long id) {
            this.id = id;
        }
    }

    /** The candidates of a query with both their scores, the words of the query and the claims' details. */
    record Found(List<Candidate> candidates, Map<Long, Match> details, Map<String, Double> idf) {
    }

    Found find(Connection connection, float[] query, String text, Long exclude) throws SQLException {
        Lexicon lex = lexicon(connection);
        Map<String, Double> idf = queryWords(connection, lex, text);
        Map<Long, Candidate> found = new LinkedHashMap<>();
        for (Candidate c : byMeaning(connection, query, exclude, MEANING_CANDIDATES)) {
            found.put(c.id, c);
        }
        for (Candidate c : byWords(connection, idf, exclude, WORD_CANDIDATES, RARE_WORD, WORDS_FOR_CANDIDATES,
                ROWS_PER_WORD_SEARCH)) {
            found.putIfAbsent(c.id, c);
        }
        if (found.isEmpty()) {
            return new Found(List.of(), Map.of(), idf);
        }
        Map<Long, Match> details = details(connection, found.keySet());
        double averageLength = details.values().stream().mapToInt(m -> m.sharedWords().size()).average().orElse(10);
        List<Candidate> scored = new ArrayList<>();
        Set<Long> missingVectors = new HashSet<>();
        for (Candidate c : found.values()) {
            Match m = details.get(c.id);
            if (m == null) {
                continue; // deleted meanwhile
            }
            c.claimWords = new HashSet<>(m.sharedWords()); // details carry all the claim's words until scored
            if (Double.isNaN(c.meaning)) {
                missingVectors.add(c.id);
            }
            scored.add(c);
        }
        if (!missingVectors.isEmpty()) {
            Map<Long, byte[]> vectors = vectors(connection, missingVectors);
            // a claim stored before matching existed has no vector until `match-index` runs: embed it for now
            List<Candidate> unembedded = scored.stream().filter(c -> Double.isNaN(c.meaning)
                    && !vectors.containsKey(c.id)).toList();
            List<float[]> now = embedder.embedAll(unembedded.stream().map(c -> details.get(c.id).statement())
                    .toList());
            for (int i = 0; i < unembedded.size(); i++) {
                unembedded.get(i).meaning = Embedder.dot(query, now.get(i));
                unembedded.get(i).vector = now.get(i);
            }
            for (Candidate c : scored) {
                if (Double.isNaN(c.meaning)) {
                    c.meaning = Embedder.cosine(query, vectors.get(c.id));
                    c.vector = Embedder.dequantize(vectors.get(c.id));
                }
            }
        }
        for (Candidate c : scored) {
            c.words = Lexicon.bm25(idf, c.claimWords, averageLength);
        }
        return new Found(scored, details, idf);
    }

    List<Match> search(Connection connection, float[] query, String text, Long exclude, int limit, Ranker ranker,
            double floor) throws SQLException {
        Found f = find(connection, query, text, exclude);
        List<Candidate> scored = f.candidates();
        long[] ids = new long[scored.size()];
        String[] statements = new String[ids.length];
        double[] scores = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Candidate c = scored.get(i);
            ids[i] = c.id;
            statements[i] = f.details().get(c.id).statement();
            scores[i] = ranker.score(c.meaning, c.words);
        }
        List<Match> matches = new ArrayList<>();
        for (int i : order(ids, statements, scores)) {
            Candidate c = scored.get(i);
            c.score = scores[i];
            if (matches.size() == limit) {
                break;
            }
            if (c.score < floor && c.meaning < SHOWN_MEANING) {
                continue;
            }
            Match m = f.details().get(c.id);
            matches.add(new Match(m.id(), m.statement(), m.status(), round(c.score), round(c.meaning),
                    round(c.words), Lexicon.shared(f.idf(), c.claimWords), m.sourceId(), m.sourceName(),
                    m.sourceKind(), m.decidedAt(), m.rationale()));
        }
        return matches;
    }

    /**
     * The candidates' order, best first. Claims with the same words (case and punctuation aside) are one claim filed
     * twice: they share the best score of them, and the one on the desk longest comes first, the original check.
     * Other ties go to the older claim as well. {@code scores} is changed to the shared scores.
     */
    static int[] order(long[] ids, String[] statements, double[] scores) {
        Map<String, Double> best = new HashMap<>();
        String[] keys = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            keys[i] = SAME_WORDS.matcher(statements[i].toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
            best.merge(keys[i], scores[i], Math::max);
        }
        for (int i = 0; i < ids.length; i++) {
            scores[i] = best.get(keys[i]);
        }
        return java.util.stream.IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingLong(i -> ids[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static final java.util.regex.Pattern SAME_WORDS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    Map<String, Double> queryWords(Connection connection, Lexicon lex, String text) throws SQLException {
        List<String> words = Lexicon.lexemes(connection, text);
        Map<String, Double> idf = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : lex.claimsWith(connection, words).entrySet()) {
            idf.put(e.getKey(), lex.idf(e.getValue()));
        }
        return idf;
    }

    /**
     * The claims nearest by meaning among the lists nearest the query: shortlisted by the codes in memory and
     * compared in full, or while those are loading, by reading every vector of fewer lists.
     */
    List<Candidate> byMeaning(Connection connection, float[] query, Long exclude, int n) throws SQLException {
        long[] shortlist = codes.shortlist(connection, query, centroids.probe(query, MeaningCodes.ROWS_READ),
                MeaningCodes.SHORTLIST);
        if (shortlist == null) {
            return byMeaningInDatabase(connection, query, exclude, n);
        }
        Set<Long> ids = new HashSet<>();
        for (long id : shortlist) {
            if (exclude == null || id != exclude) {
                ids.add(id);
            }
        }
        Map<Long, byte[]> stored = vectors(connection, ids);
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<Long, byte[]> e : stored.entrySet()) {
            Candidate c = new Candidate(e.getKey());
            c.meaning = Embedder.cosine(query, e.getValue());
            out.add(c);
        }
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.meaning).thenComparingLong(c -> c.id));
        List<Candidate> nearest = out.size() > n ? new ArrayList<>(out.subList(0, n)) : out;
        for (Candidate c : nearest) {
            c.vector = Embedder.dequantize(stored.get(c.id));
        }
        return nearest;
    }

    /** {@link #byMeaning} from the database alone: every vector of the lists nearest the query. */
    List<Candidate> byMeaningInDatabase(Connection connection, float[] query, Long exclude, int n)
            throws SQLException {
        int[] lists = centroids.probe(query);
        long[] ids = new long[n];
        byte[][] stored = new byte[n][];
        double[] best = new double[n];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int size = 0;
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT claim_id, vector FROM claim_embedding WHERE centroid = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("integer", Arrays.stream(lists).boxed().toArray()));
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (exclude != null && id == exclude) {
                        continue;
                    }
                    byte[] vector = rs.getBytes(2);
                    double cos = Embedder.cosine(query, vector);
                    if (size < n || cos > best[size - 1]) {
                        // insertion into a short sorted array: n is small
                        int at = size < n ? size++ : n - 1;
                        while (at > 0 && best[at - 1] < cos) {
                            best[at] = best[at - 1];
                            ids[at] = ids[at - 1];
                            stored[at] = stored[at - 1];
                            at--;
                        }
                        best[at] = cos;
                        ids[at] = id;
                        stored[at] = vector;
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Candidate c = new Candidate(ids[i]);
            c.meaning = best[i];
            c.vector = Embedder.dequantize(stored[i]);
            out.add(c);
        }
        return out;
    }

    /**
     * The claims sharing most of the query's rarer words: found through the full-text index by the words held by at
     * most {@code rareWord} claims (the rarest few), ranked by BM25 over all the query's words.
     */
    List<Candidate> byWords(Connection connection, Map<String, Double> idf, Long exclude, int n, double rareWord,
            int searchWords, int rows) throws SQLException {
        double rareIdf = lexicon(connection).idf(rareWord);
        List<String> rare = idf.entrySet().stream().filter(e -> e.getValue() >= rareIdf)
                .sorted(Map.Entry.<String, Double> comparingByValue().reversed()).limit(searchWords)
                .map(Map.Entry::getKey).toList();
        if (rare.isEmpty()) {
            return List.of();
        }
        StringBuilder tsquery = new StringBuilder();
        for (String w : rare) {
            tsquery.append(tsquery.isEmpty() ? "" : " | ").append('\'').append(w).append("':A");
        }
        List<Candidate> out = new ArrayList<>();
        List<Set<String>> words = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id, tsvector_to_array(ts_filter(search_vector, "
                + "'{a}')) FROM claim WHERE search_vector @@ ?::tsquery LIMIT ?")) {
            s.setString(1, tsquery.toString());
            s.setInt(2, rows);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (exclude != null && id == exclude) {
                        continue;
                    }
                    Candidate c = new Candidate(id);
                    c.claimWords = new HashSet<>(Arrays.asList((String[]) rs.getArray(2).getArray()));
                    out.add(c);
                    words.add(c.claimWords);
                }
            }
        }
        double averageLength = words.stream().mapToInt(Set::size).average().orElse(10);
        for (Candidate c : out) {
            c.words = Lexicon.bm25(idf, c.claimWords, averageLength);
        }
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.words).thenComparingLong(c -> c.id));
        return out.size() > n ? out.subList(0, n) : out;
    }

    private static Map<Long, byte[]> vectors(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, byte[]> vectors = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT claim_id, vector FROM claim_embedding WHERE claim_id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    vectors.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        return vectors;
    }

    /** The shown fields of claims; {@code sharedWords} holds all the claim's statement words until scored. */
    private static Map<Long, Match> details(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, Match> details = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.id, c.statement, c.status, s.id, s.name, s.kind, c.decided_at,
                    tsvector_to_array(ts_filter(c.search_vector, '{a}')),
                    (SELECT r.rationale FROM review r WHERE r.claim_id = c.id
                     ORDER BY r.claim_version DESC LIMIT 1)
                FROM claim c JOIN source s ON s.id = c.source_id WHERE c.id = ANY (?)
                """)) {
            s.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp decided = rs.getTimestamp(7);
                    String rationale = rs.getString(9);
                    details.put(rs.getLong(1), new Match(rs.getLong(1), rs.getString(2), rs.getString(3), 0, 0, 0,
                            List.of((String[]) rs.getArray(8).getArray()), rs.getLong(4), rs.getString(5),
                            rs.getString(6), decided == null ? null : decided.toInstant(),
                            rationale == null || rationale.isBlank() ? null : rationale));
                }
            }
        }
        return details;
    }

    /** Distinct words in order, for tests and the evaluation. */
    static List<String> distinct(List<String> words) {
        return new ArrayList<>(new LinkedHashSet<>(words));
    }
}
