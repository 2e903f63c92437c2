package org.claimdesk.match;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Scores the matching engine on CLEF CheckThat! 2020 task 2 (README, "Claim matching quality"): loads the verified
 * claims into an empty desk as claims (statement = {@code vclaim}), queries with every tweet of a split and prints
 * MAP@5, MRR and Recall@5 against its qrels, for the engine and for the baselines beside it (plain BM25, meaning
 * alone, the previous engine on tweets as pasted). The engine's word weight is chosen by five-fold cross-validation
 * over the tweets (each fold ranked with the weight chosen on the other four), which is the headline; {@code --train
 * FILE} writes the weight chosen on the whole split to FILE. It also scores {@link Reranker}, tried and not shipped,
 * the same way; {@code --features FILE} writes every candidate's features as CSV for experiments offline.
 */
@ApplicationScoped
public class MatchEvaluation {

    /**
     * The word weights the engine tries. They stop at 1.5: on tweets (long, wordy queries) larger weights score best,
     * but on a short question one rare shared word then outranks a paraphrase ("Biden has the biggest house in
     * Delaware": above about 2.7 the "hairy legs" claim beats the Biden mansion claim on the CheckThat! desk).
     */
    static final double[] WEIGHTS = { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5 };
    static final int FOLDS = 5;

    @Inject
    DataSource dataSource;

    @Inject
    ClaimMatcher matcher;

    @Inject
    Embedder embedder;

    @Inject
    ClaimVectors vectors;

    record Query(String id, String text, Set<Long> relevant) {
    }

    /** A query's candidates as (claim id, meaning, words, reranker features), and the plain-BM25 ranking. */
    record Scored(Query query, long[] ids, String[] statements, double[] meaning, double[] words,
            List<double[]> features, List<Long> bm25) {
    }

    int run(String... args) throws Exception {
        Path data = Path.of("../shared/datasets/checkthat-2020-claim-retrieval");
        String split = "train";
        Path trainTo = null;
        Path featuresTo = null;
        Path failuresTo = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--split" -> split = args[++i];
                case "--train" -> trainTo = Path.of(args[++i]);
                case "--features" -> featuresTo = Path.of(args[++i]);
                case "--failures" -> failuresTo = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + "; use --data DIR, --split NAME, --train FILE, "
                            + "--features FILE, --failures FILE");
                    return 2;
                }
            }
        }
        Map<String, Long> claimOf;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            claimOf = load(connection, data.resolve("verified_claims.docs.tsv"));
        }
        matcher.forgetWords();
        List<Query> queries = queries(data.resolve(split).resolve("tweets.queries.tsv"),
                data.resolve(split).resolve("tweet-vclaim-pairs.qrels"), claimOf);
        long started = System.nanoTime();
        List<Scored> pasted = score(queries, false);
        double perQuery = (System.nanoTime() - started) / 1e6 / Math.max(1, queries.size());
        List<Scored> scored = score(queries, true);
        // what storing a claim's vector adds to creating it: the embedding of one statement, timed alone
        List<String> statements = new ArrayList<>(claimOf.size());
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT statement FROM claim ORDER BY id LIMIT 300")) {
            while (rs.next()) {
                statements.add(rs.getString(1));
            }
        }
        double[] embedMs = new double[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            long t = System.nanoTime();
            embedder.embed(statements.get(i));
            embedMs[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(embedMs);
        System.out.printf(Locale.ROOT, "CheckThat! 2020 task 2, split %s: %d tweets, %d verified claims, %.1f ms a "
                + "tweet (embedding, both searches)%n%n", split, queries.size(), claimOf.size(), perQuery);
        if (embedMs.length > 0) {
            System.out.printf(Locale.ROOT, "Embedding one claim statement alone (what a vector adds to creating a "
                    + "claim): p50 %.1f ms, p99 %.1f ms over %d statements%n%n", embedMs[embedMs.length / 2],
                    embedMs[(int) Math.min(embedMs.length - 1, Math.ceil(embedMs.length * 0.99) - 1)],
                    embedMs.length);
        }
        System.out.printf(Locale.ROOT, "Candidate recall (relevant claims among the candidates scored in full: %d "
                + "nearest by meaning, %d best by rare words): %.4f as pasted, %.4f cleaned; %.1f candidates a tweet"
                + "%n%n", ClaimMatcher.MEANING_CANDIDATES, ClaimMatcher.WORD_CANDIDATES, candidateRecall(pasted),
                candidateRecall(scored), scored.stream().mapToInt(x -> x.ids().length).average().orElse(0));
        System.out.println("| ranking | MAP@5 | MRR | Recall@5 |");
        System.out.println("|---|---|---|---|");
        print("plain BM25 (statement words, k1 1.2, b 0.75), tweets as pasted", pasted.stream().map(Scored::bm25)
                .toList(), queries);
        print("meaning alone (MiniLM cosine), tweets as pasted", rank(pasted, 0, false), queries);
        print("meaning + words, weight cross-validated, tweets as pasted (the previous engine)",
                weighted(pasted, null, false), queries);
        print("plain BM25, tweets cleaned (links, handles, dates, @ and # marks removed)", scored.stream()
                .map(Scored::bm25).toList(), queries);
        print("meaning alone, tweets cleaned", rank(scored, 0, false), queries);
        print("meaning + words, weight cross-validated, tweets cleaned", weighted(scored, null, false), queries);
        StringBuilder weights = new StringBuilder();
        print("meaning + words, weight cross-validated, tweets cleaned, same-words claims grouped oldest first: "
                + "**the engine, the headline**", weighted(scored, weights, true), queries);
        double shipped = Ranker.LEARNED.words() / Ranker.LEARNED.meaning();
        print("the engine with its shipped weight " + shipped + " (chosen on all of train: not held out)",
                rank(scored, shipped, true), queries);
        print("tried, not shipped: reranker (logistic regression, " + MatchFeatures.NAMES.length + " features), "
                + "cross-validated, tweets cleaned, same-words claims grouped oldest first", reranked(scored, FOLDS,
                true), queries);
        print("tried, not shipped: the same reranker fit on all of train (not held out)", reranked(scored, 1, true),
                queries);
        System.out.println("\nFolds: " + FOLDS + " over the tweets (tweet i in fold i mod " + FOLDS + "), each scored "
                + "by a model (or weight) fit on the other four; the engine's word weights chosen per fold: " + weights);
        List<Match> biden = matcher.nearest("Biden has the biggest house in Delaware", 3);
        System.out.println("\"Biden has the biggest house in Delaware\" first finds: " + (biden.isEmpty() ? "nothing"
                : biden.get(0).statement() + " (score " + biden.get(0).score() + ")"));
        if (failuresTo != null) {
            failures(scored, rank(scored, shipped, true), failuresTo);
            System.out.println("wrote the tweets whose first relevant claim is not first to " + failuresTo);
        }
        if (featuresTo != null) {
            dump(scored, featuresTo);
            System.out.println("wrote the candidates' features to " + featuresTo);
        }
        if (trainTo != null) {
            double w = best(scored, true);
            Files.writeString(trainTo, "# Ranker weights, learned by evaluate-matching --train on CheckThat! 2020 "
                    + "task 2 " + split + " (" + queries.size() + " tweets, cleaned; grid capped at 1.5, see "
                    + "MatchEvaluation.WEIGHTS)\nmeaning=1\nwords=" + w + "\n");
            System.out.println("\nwrote words=" + w + " to " + trainTo);
        }
        return 0;
    }

    /** Every query's candidates, from the tweet as pasted or cleaned as "Checked before?" cleans it. */
    private List<Scored> score(List<Query> queries, boolean cleaned) throws SQLException {
        List<Scored> scored = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Query q : queries) {
                String text = cleaned ? PastedPost.clean(q.text()) : q.text();
                float[] v = embedder.embed(text);
                ClaimMatcher.Found f = matcher.find(connection, v, text, null);
                int n = f.candidates().size();
                long[] ids = new long[n];
                String[] statements = new String[n];
                double[] meaning = new double[n];
                double[] words = new double[n];
                List<double[]> features = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids[i] = f.candidates().get(i).id;
                    statements[i] = f.details().get(ids[i]).statement();
                    meaning[i] = f.candidates().get(i).meaning;
                    words[i] = f.candidates().get(i).words;
                }
                features.addAll(features(connection, text, f));
                List<Long> bm25 = matcher.byWords(connection, f.idf(), null, 50, Double.MAX_VALUE, Integer.MAX_VALUE,
                        1_000_000).stream().map(c -> c.id).toList();
                scored.add(new Scored(q, ids, statements, meaning, words, features, bm25));
            }
        }
        return scored;
    }

    /** The features {@link Reranker} would score, with the meaning of the query's closest sentence. */
    private List<double[]> features(Connection connection, String text, ClaimMatcher.Found f) throws SQLException {
        List<String> sentences = MatchFeatures.sentences(text);
        List<float[]> vectors = sentences.size() < 2 ? List.of() : embedder.embedAll(sentences);
        List<MatchFeatures.Pair> pairs = new ArrayList<>();
        for (ClaimMatcher.Candidate c : f.candidates()) {
            double sentence = c.meaning;
            for (float[] v : vectors) {
                sentence = Math.max(sentence, Embedder.dot(v, c.vector));
            }
            pairs.add(new MatchFeatures.Pair(c.meaning, c.words, sentence, c.claimWords,
                    f.details().get(c.id).statement()));
        }
        return MatchFeatures.of(text, f.idf(), matcher.lexicon(connection).idf(ClaimMatcher.RARE_WORD), pairs);
    }

    private static double candidateRecall(List<Scored> scored) {
        double found = 0;
        for (Scored s : scored) {
            long hits = java.util.Arrays.stream(s.ids()).filter(id -> s.query().relevant().contains(id)).count();
            found += (double) hits / s.query().relevant().size();
        }
        return found / Math.max(1, scored.size());
    }

    /** The weighted sum of meaning and words, its weight chosen on the other folds; the weights into {@code chosen}. */
    private static List<List<Long>> weighted(List<Scored> scored, StringBuilder chosen, boolean twins) {
        List<List<Long>> cv = new ArrayList<>(java.util.Collections.nCopies(scored.size(), (List<Long>) null));
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Scored> fit = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                if (i % FOLDS != fold) {
                    fit.add(scored.get(i));
                }
            }
            double w = best(fit, twins);
            if (chosen != null) {
                chosen.append(chosen.isEmpty() ? "" : ", ").append(w);
            }
            for (int i = fold; i < scored.size(); i += FOLDS) {
                cv.set(i, rank(List.of(scored.get(i)), w, twins).get(0));
            }
        }
        return cv;
    }

    /**
     * The reranker's rankings: with {@code folds} 1 fit on all queries and scored on them (not held out), else each
     * fold scored by a model fit on the others.
     */
    private static List<List<Long>> reranked(List<Scored> scored, int folds, boolean twins) {
        List<List<Long>> out = new ArrayList<>(java.util.Collections.nCopies(scored.size(), (List<Long>) null));
        for (int fold = 0; fold < folds; fold++) {
            List<Scored> fit = new ArrayList<>();
            List<Scored> held = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                if (folds == 1 || i % folds != fold) {
                    fit.add(scored.get(i));
                }
                if (folds == 1 || i % folds == fold) {
                    held.add(scored.get(i));
                    at.add(i);
                }
            }
            List<List<Long>> ranked = rerank(held, train(fit), twins);
            for (int i = 0; i < at.size(); i++) {
                out.set(at.get(i), ranked.get(i));
            }
        }
        return out;
    }

    static Reranker train(List<Scored> fit) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Scored s : fit) {
            for (int i = 0; i < s.ids().length; i++) {
                rows.add(s.features().get(i));
                labels.add(s.query().relevant().contains(s.ids()[i]));
            }
        }
        return Reranker.train(rows, labels);
    }

    private static List<List<Long>> rerank(List<Scored> scored, Reranker model, boolean twins) {
        List<List<Long>> out = new ArrayList<>();
        for (Scored s : scored) {
            double[] score = new double[s.ids().length];
            for (int i = 0; i < score.length; i++) {
                score[i] = model.score(s.features().get(i));
            }
            out.add(order(s, score, twins));
        }
        return out;
    }

    /**
     * Ids best first: as the engine orders them ({@link ClaimMatcher#order}) with {@code twins}, else as the previous
     * engine did (every claim alone, ties to the newer).
     */
    private static List<Long> order(Scored s, double[] score, boolean twins) {
        long[] ids = s.ids();
        int[] order = twins ? ClaimMatcher.order(ids, s.statements(), score.clone())
                : java.util.stream.IntStream.range(0, ids.length).boxed().sorted(Comparator.comparingDouble(
                        (Integer i) -> -score[i]).thenComparingLong(i -> -ids[i])).mapToInt(Integer::intValue).toArray();
        List<Long> out = new ArrayList<>();
        for (int i : order) {
            out.add(ids[i]);
        }
        return out;
    }

    /**
     * For reading what the engine gets wrong: every tweet whose first relevant claim is not ranked first, with the
     * rank it got, the relevant claims and the claims ranked above them, each with its meaning and words scores.
     */
    private static void failures(List<Scored> scored, List<List<Long>> rankings, Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int q = 0; q < scored.size(); q++) {
            Scored s = scored.get(q);
            List<Long> ranking = rankings.get(q);
            int first = 0;
            while (first < ranking.size() && !s.query().relevant().contains(ranking.get(first))) {
                first++;
            }
            if (first == 0) {
                continue;
            }
            out.append("## ").append(s.query().id()).append(" (first relevant at ")
                    .append(first < ranking.size() ? String.valueOf(first + 1) : "none").append(")\n")
                    .append(PastedPost.clean(s.query().text())).append('\n');
            for (int r = 0; r < Math.min(ranking.size(), first + 1); r++) {
                int i = 0;
                while (s.ids()[i] != ranking.get(r)) {
                    i++;
                }
                out.append(String.format(Locale.ROOT, "  %s %d. m %.3f w %.3f  %s%n",
                        s.query().relevant().contains(s.ids()[i]) ? "+" : "-", r + 1, s.meaning()[i], s.words()[i],
                        s.statements()[i]));
            }
        }
        Files.writeString(file, out);
    }

    /** One line a candidate: query number, fold, relevant (0/1), then the features, for experiments offline. */
    private static void dump(List<Scored> scored, Path file) throws IOException {
        StringBuilder out = new StringBuilder("query,fold,relevant,claim," + String.join(",", MatchFeatures.NAMES)
                + "\n");
        for (int q = 0; q < scored.size(); q++) {
            Scored s = scored.get(q);
            for (int i = 0; i < s.ids().length; i++) {
                out.append(q).append(',').append(q % FOLDS).append(',')
                        .append(s.query().relevant().contains(s.ids()[i]) ? 1 : 0).append(',').append(s.ids()[i]);
                for (double x : s.features().get(i)) {
                    out.append(',').append(String.format(Locale.ROOT, "%.5f", x));
                }
                out.append('\n');
            }
        }
        Files.writeString(file, out);
    }

    private static double best(List<Scored> fit, boolean twins) {
        List<Query> qs = fit.stream().map(Scored::query).toList();
        double best = 0;
        double bestMap = -1;
        for (double w : WEIGHTS) {
            double map = metrics(rank(fit, w, twins), qs)[0];
            if (map > bestMap + 1e-9) {
                bestMap = map;
                best = w;
            }
        }
        return best;
    }

    private static List<List<Long>> rank(List<Scored> scored, double words, boolean twins) {
        Ranker ranker = new Ranker(1, words);
        List<List<Long>> out = new ArrayList<>();
        for (Scored s : scored) {
            double[] score = new double[s.ids().length];
            for (int i = 0; i < score.length; i++) {
                score[i] = ranker.score(s.meaning()[i], s.words()[i]);
            }
            out.add(order(s, score, twins));
        }
        return out;
    }

    private static void print(String name, List<List<Long>> rankings, List<Query> queries) {
        double[] m = metrics(rankings, queries);
        System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f |%n", name, m[0], m[1], m[2]);
    }

    /** MAP@5 (average precision over the first five, divided by the number of relevant claims), MRR, Recall@5. */
    static double[] metrics(List<List<Long>> rankings, List<Query> queries) {
        double map = 0;
        double mrr = 0;
        double recall = 0;
        for (int q = 0; q < queries.size(); q++) {
            Set<Long> relevant = queries.get(q).relevant();
            List<Long> ranking = rankings.get(q);
            double hits = 0;
            double ap = 0;
            for (int i = 0; i < ranking.size(); i++) {
                if (relevant.contains(ranking.get(i))) {
                    if (hits == 0) {
                        mrr += 1.0 / (i + 1);
                    }
                    if (i < 5) {
                        hits++;
                        ap += hits / (i + 1);
                    }
                }
            }
            map += relevant.isEmpty() ? 0 : ap / relevant.size();
            recall += relevant.isEmpty() ? 0 : hits / relevant.size();
        }
        int n = Math.max(1, queries.size());
        return new double[] { map / n, mrr / n, recall / n };
    }

    /** Loads the verified claims as claims of one source, "Snopes", with their vectors; the desk must be empty. */
    private Map<String, Long> load(Connection connection, Path file) throws SQLException, IOException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM claim")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("evaluate-matching needs a desk without claims: point "
                        + "CLAIMDESK_DATA_DIR at a new folder");
            }
        }
        List<String[]> rows = Tsv.read(file);
        long source = next(connection, "source_seq");
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO source (id, name, kind, description) VALUES (?, 'Snopes', 'news_outlet', "
                        + "'Fact-checks of the CheckThat! 2020 verified claims')")) {
            s.setLong(1, source);
            s.executeUpdate();
        }
        Map<String, Long> claimOf = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO claim (id, statement, source_id) VALUES (nextval('claim_seq'), ?, ?) RETURNING id")) {
            for (String[] row : rows.subList(1, rows.size())) {
                if (row.length < 2 || row[1].isBlank()) {
                    continue;
                }
                s.setString(1, row[1].strip());
                s.setLong(2, source);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    claimOf.put(row[0].strip(), rs.getLong(1));
                    ids.add(rs.getLong(1));
                    statements.add(row[1].strip());
                }
            }
        }
        for (int from = 0; from < ids.size(); from += 500) {
            int to = Math.min(ids.size(), from + 500);
            vectors.storeAll(connection, ids.subList(from, to), statements.subList(from, to));
        }
        vectors.reindex(connection, 7);
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE claim");
            s.execute("ANALYZE claim_embedding");
        }
        return claimOf;
    }

    private static long next(Connection connection, String sequence) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Query> queries(Path tweets, Path qrels, Map<String, Long> claimOf) throws IOException {
        Map<String, Set<Long>> relevant = new HashMap<>();
        for (String line : Files.readAllLines(qrels, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && !f[3].equals("0") && claimOf.containsKey(f[2])) {
                relevant.computeIfAbsent(f[0], k -> new HashSet<>()).add(claimOf.get(f[2]));
            }
        }
        List<Query> queries = new ArrayList<>();
        List<String[]> rows = Tsv.read(tweets);
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length >= 2 && relevant.containsKey(row[0].strip())) {
                queries.add(new Query(row[0].strip(), row[1], relevant.get(row[0].strip())));
            }
        }
        return queries;
    }

    /** Tab-separated values with quoted fields that may hold tabs, newlines and doubled quotes. */
    static final class Tsv {
        static List<String[]> read(Path file) throws IOException {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return parse(in);
            }
        }

        static List<String[]> parse(Reader in) throws IOException {
            List<String[]> rows = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean atStart = true;
            int c;
            while ((c = in.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int d = in.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (d == -1) {
                                break;
                            }
                            in.reset();
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && atStart) {
                    quoted = true;
                    atStart = false;
                } else if (c == '\t') {
                    fields.add(field.toString());
                    field.setLength(0);
                    atStart = true;
                } else if (c == '\n') {
                    fields.add(field.toString().replace("\r", ""));
                    field.setLength(0);
                    rows.add(fields.toArray(new String[0]));
                    fields.clear();
                    atStart = true;
                } else {
                    field.append((char) c);
                    atStart = false;
                }
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                rows.add(fields.toArray(new String[0]));
            }
            return rows;
        }
    }
}
