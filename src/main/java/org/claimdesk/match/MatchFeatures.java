package org.claimdesk.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link Reranker} knows of a candidate claim, beside its closeness in meaning and in words: whether it names the
 * same people, places and numbers as the query, how much of the claim the query covers, and how close the query's
 * closest sentence is. Only properties of the pair, nothing of a particular claim, so that the model carries to news
 * it has never seen; and nothing of the query's other candidates, so that a score says how close this claim is
 * whatever else the desk holds (a model that also saw each candidate's gap to the best scored 0.001 higher on train,
 * but gave the best candidate of any text, however far, a high score).
 */
final class MatchFeatures {

    static final String[] NAMES = { "meaning", "words", "meaning_x_words", "shared_numbers", "numbers_differ",
        "names_shared_share", "names_shared", "claim_names_covered", "rare_words_shared", "claim_length",
        "query_length", "sentence_meaning", "claim_words_covered" };
    /** At most this many sentences of a query are embedded one by one (a paragraph's first few). */
    static final int SENTENCES = 6;

    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}'’.-]*\\p{L}|\\p{Lu}");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d[\\d,.]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Capitalised words that begin sentences and headlines, not names. */
    private static final Set<String> NOT_NAMES = Set.of("a", "an", "the", "this", "that", "these", "those", "i", "it",
            "in", "on", "at", "of", "for", "to", "and", "or", "but", "if", "so", "we", "you", "he", "she", "they",
            "my", "our", "your", "his", "her", "their", "is", "are", "was", "were", "be", "no", "not", "yes", "what",
            "why", "how", "when", "who", "there", "here", "just", "all", "as", "by", "with", "from", "do", "did",
            "breaking", "video", "photo", "watch", "omg", "rt", "new", "now", "me", "us", "one", "after", "before");

    private MatchFeatures() {
    }

    /** A text's parts that the features compare: its names and numbers, and its lower-cased words. */
    record Parts(Set<String> names, Set<String> numbers, Set<String> words) {

        static Parts of(String text) {
            Set<String> names = new HashSet<>();
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                for (Matcher w = WORD.matcher(m.group()); w.find();) {
                    String name = w.group().toLowerCase(Locale.ROOT);
                    if (!NOT_NAMES.contains(name)) {
                        names.add(name);
                    }
                }
            }
            Set<String> numbers = new HashSet<>();
            m = NUMBER.matcher(text);
            while (m.find()) {
                String n = m.group().replace(",", "").replaceAll("\\.+$", "");
                if (!n.isEmpty()) {
                    numbers.add(n);
                }
            }
            Set<String> words = new HashSet<>();
            for (m = WORD.matcher(text.toLowerCase(Locale.ROOT)); m.find();) {
                words.add(m.group());
            }
            return new Parts(names, numbers, words);
        }
    }

    /** A candidate as the features see it: its two scores, its words (lexemes) and its statement. */
    record Pair(double meaning, double words, double sentenceMeaning, Set<String> claimLexemes, String statement) {
    }

    /** The features of every candidate of one query, in the order given. */
    static List<double[]> of(String query, Map<String, Double> queryIdf, double rareIdf, List<Pair> candidates) {
        Parts q = Parts.of(query);
        int n = candidates.size();
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Pair c = candidates.get(i);
            Parts p = Parts.of(c.statement());
            int sharedNumbers = 0;
            for (String x : q.numbers()) {
                if (p.numbers().contains(x) || p.words().contains(x)) {
                    sharedNumbers++;
                }
            }
            int sharedNames = 0;
            for (String x : q.names()) {
                if (p.words().contains(x)) {
                    sharedNames++;
                }
            }
            int covered = 0;
            for (String x : p.names()) {
                if (q.words().contains(x)) {
                    covered++;
                }
            }
            int rare = 0;
            int shared = 0;
            for (Map.Entry<String, Double> e : queryIdf.entrySet()) {
                if (c.claimLexemes().contains(e.getKey())) {
                    shared++;
                    if (e.getValue() >= rareIdf) {
                        rare++;
                    }
                }
            }
            double m = Math.max(0, c.meaning());
            out.add(new double[] { m, c.words(), m * c.words(), Math.min(3, sharedNumbers),
                !q.numbers().isEmpty() && !p.numbers().isEmpty() && sharedNumbers == 0 ? 1 : 0,
                q.names().isEmpty() ? 0 : (double) sharedNames / q.names().size(), Math.min(4, sharedNames),
                p.names().isEmpty() ? 0 : (double) covered / p.names().size(), Math.min(5, rare),
                Math.log1p(p.words().size()), Math.log1p(q.words().size()), c.sentenceMeaning(),
                c.claimLexemes().isEmpty() ? 0 : (double) shared / c.claimLexemes().size() });
        }
        return out;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"'”’)]*\\s+|\\n+");

    /** The query's sentences worth embedding alone (four words or more), at most {@link #SENTENCES}. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            if (out.size() == SENTENCES) {
                break;
            }
            if (s.strip().split("\\s+").length >= 4) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
