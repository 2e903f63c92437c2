package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds candidate attributed claims in an article's clean text, resolving their sources against a registry. Each
 * candidate comes from one named rule over a sentence's words, so a reviewer can see why it was proposed:
 * <ul>
 * <li>{@code source-first}: "X said (that) ...", including "X told workers ..." and "X has thanked ...";
 * <li>{@code source-first-interrupted}: "X stated, during a briefing, it believes ...";
 * <li>{@code claim-first}: "..., X said." and {@code claim-first-inverted}: "..., said X.";
 * <li>{@code according-to}: "According to X, ..." and "..., according to X.";
 * <li>{@code nominal}: "X estimates suggest that ...".
 * </ul>
 * A rule name ends in {@code /direct-quote} or {@code /mixed-quote} when the claim is all or partly quoted. When one
 * attribution sits inside another's claim right after its cue ("KCNA added that the leader told workers ..."), only
 * the outer one is proposed; one that comes later in the claim and that the model finds likely ("..., which I said
 * was not ...") is proposed too, and the outer claim ends before it, as in annotated corpora where each word belongs
 * to one attribution.
 * <p>
 * The rules propose drafts generously; SourceChecks then drops a draft whose source is a verb and moves a source that
 * is the object of a relative clause to its antecedent, and the attribution model (AttributionModel, trained on
 * PolNeAR train) keeps the drafts it finds likely enough. A candidate's confidence is that model's probability, and
 * its evidence the model's strongest features.
 */
public final class Extractor {

    private static final int LONGEST_SOURCE = 12;
    private static final Set<String> CLAUSE_BREAKS = Set.of("that", "which", "who", "whom", "whose", "when",
            "while", "because", "as", "if", "but", "or", "after", "before", "since", "where", "although", "though",
            "so", "than", "until", "unless", "whether", "why", "how", "what", "then", "in", "on", "at", "for",
            "with", "by", "from", "during", "into", "about", "over", "under", "against", "among", "through", "per",
            "to", "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
            "should", "must", "do", "does", "did", "be", "been", "not", "also", "meanwhile", "however", "yet",
            "there", "here", "now", "still", "even", "just", "only", "once");
    private static final Set<String> SUBORDINATORS = Set.of("that", "because", "if", "when", "while", "although",
            "though", "since", "unless", "whether", "where", "until", "so", "than");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "also", "would", "will", "could",
            "may", "might", "did", "does", "do", "is", "was", "are", "were", "be", "been", "being", "previously",
            "recently", "repeatedly", "reportedly", "publicly", "privately", "later", "earlier", "then", "once",
            "often", "again", "already", "still", "long", "further", "first", "just", "even", "initially",
            "separately", "not", "never", "n't", "always", "now", "last", "this", "on", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", "night", "morning",
            "afternoon", "evening", "yesterday", "today", "tonight", "apparently", "allegedly",
            "openly", "quickly", "flatly", "explicitly", "shall", "should", "can", "must", "ever", "since",
            "finally", "consistently", "subsequently", "immediately", "originally", "however");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "his", "her", "their", "our",
            "my", "your", "this", "these", "those", "such", "no", "any", "every", "each", "of", "recent",
            "new", "latest", "to", "same", "own", "further");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "it", "they", "we", "i", "you", "who");
    private static final Set<String> NOMINAL_MODIFIERS = Set.of("recent", "new", "latest", "the", "a", "an",
            "preliminary", "official", "internal", "classified", "early", "initial", "previous", "earlier",
            "separate", "some", "updated", "published", "its", "their", "his", "her");
    private static final Set<String> TIME_TAIL = Set.of("on", "in", "at", "last", "this", "earlier", "later",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
            "night", "morning", "afternoon", "evening", "yesterday", "today", "a", "an", "the", "statement",
            "interview", "told", "recently", "previously", "also", "then", "again", "of", "to", "with", "reporters",
            "spokesman", "spokeswoman", "spokesperson");

    /** Words that open what follows "X said" at the end of a claim-first sentence: "... , she said in a video." */
    private static final Set<String> TAIL_OPENERS = Set.of("in", "at", "during", "on", "after", "before",
            "while", "as", "when", "last", "this", "earlier", "later", "recently", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
            "afterward", "afterwards", "again", "then", "through", "via", "outside", "inside",
            "backstage", "onstage", "privately", "publicly", "repeatedly", "simply", "flatly", "bluntly", "because");
    /** After a verb of saying, these open a tail too: "..., he said of the plan", "... , she told him." */
    private static final Set<String> SAYING_TAIL_OPENERS = Set.of("of", "about", "to", "with", "from", "over",
            "him", "her", "them", "us", "me", "reporters");

    private static final Set<String> INTRODUCTIONS = Set.of("in", "on", "at", "over", "after", "before", "during",
            "when", "while", "if", "as", "with", "without", "despite", "since", "for", "from", "by", "under",
            "asked", "speaking", "later", "earlier", "last", "meanwhile", "still", "instead", "also", "separately",
            "then", "now", "today", "yesterday", "once", "again", "but", "and", "so", "yet", "however");

    /** Heads of a colon that are page furniture, not speakers: "Update:", "The Latest:", "Photos:". */
    private static final Set<String> NOT_SPEAKERS = Set.of("update", "updated", "latest", "watch", "video", "photos",
            "photo", "breaking", "exclusive", "note", "related", "read", "q", "a", "editor's", "editor", "source",
            "sources", "correction", "clarification", "listen", "see", "more", "also", "here", "this", "that",
            "the", "why", "what", "how", "who", "when", "where", "result", "results", "bottom", "answer", "question",
            "example", "for", "in", "on", "at", "by", "to", "and", "but", "so", "plus", "warning", "advertisement",
            "poll", "analysis", "opinion", "commentary", "live", "transcript", "full", "text");

    private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "while", "whereas", "though", "although",
            "yet");
    private static final Set<String> SENTENCE_OPENERS = Set.of("but", "and", "so", "yet", "still", "then", "meanwhile");
    private static final Set<String> BE = Set.of("is", "was", "are", "were", "be", "been", "being", "'s");
    private static final Set<String> OBJECT_DETERMINERS = Set.of("a", "an", "the", "his", "her", "their", "its",
            "this", "these", "those");
    private static final Set<String> OPENING_PREPOSITIONS = Set.of("for", "in", "on", "at", "after", "before",
            "during", "since", "as", "when", "while",
            "despite", "with", "last", "earlier", "later", "by");
    /** Cue words that are more often places: "state" and "states" name a speaker's act only after a name. */
    private static final Set<String> PLACE_NOUNS = Set.of("state", "states");
    /** Prepositions inside a described source: "a former aide to Bush", "a source involved in the talks". */
    private static final Set<String> SOURCE_PREPOSITIONS = Set.of("to", "of", "for", "at", "with", "in", "from");
    private static final Set<String> NUMBERS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten");
    private static final Set<String> HEARERS = Set.of("him", "her", "them", "us", "me", "congress", "parliament");

    private final List<KnownSource> registry;
    private final Map<String, KnownSource> names;
    private final Map<String, KnownSource> surnames;

    private final AttributionModel model;

    public Extractor(List<KnownSource> registry) {
        this(registry, AttributionModel.bundled());
    }

    Extractor(List<KnownSource> registry, AttributionModel model) {
        this.model = model;
        this.registry = List.copyOf(registry);
        this.names = SourceResolver.namesOf(this.registry);
        this.surnames = SourceResolver.surnamesOf(this.registry);
    }

    /** The candidates in text order; deterministic, with no network. */
    public List<Candidate> extract(String text) {
        SourceResolver resolver = new SourceResolver(registry, names, surnames);
        resolver.scan(text);
        List<Candidate> candidates = new ArrayList<>();
        Quotes quotes = Quotes.of(text);
        List<Span> split = SentenceSplitter.split(text);
        List<List<Draft>> chosen = new ArrayList<>();
        for (Span sentence : split) {
            List<Token> tokens = Token.tokenize(text, sentence.start(), sentence.end());
            chosen.add(choose(weigh(drafts(text, tokens, quotes), tokens, model, true), tokens));
        }
        for (int n = 0; n < split.size(); n++) {
            Span sentence = split.get(n);
            for (Draft draft : chosen.get(n)) {
                Draft whole = wholeQuote(draft, quotes);
                if (n + 1 < split.size() && chosen.get(n + 1).isEmpty()) {
                    whole = quoteGoesOn(text, whole, sentence, split.get(n + 1), quotes);
                }
                Span sentences = new Span(Math.min(sentence.start(), whole.claimStart()),
                        Math.max(sentence.end(), whole.claimEnd()));
                candidates.add(candidate(text, sentences, whole, resolver));
            }
        }
        return candidates;
    }

    private Candidate candidate(String text, Span sentence, Draft d, SourceResolver resolver) {
        String mention = text.substring(d.sourceStart(), d.sourceEnd());
        Span antecedent = antecedent(text, sentence, d);
        List<ResolvedSource> sources = antecedent == null ? resolver.resolve(mention, d.sourceStart())
                : resolver.resolve(text.substring(antecedent.start(), antecedent.end()), antecedent.start());
        // the model's probability, calibrated on held-out train; the rules' prior only when no model is shipped
        double confidence = Math.round(Math.max(0.01, Math.min(0.99, d.probability())) * 100) / 100.0;
        String claim = text.substring(d.claimStart(), d.claimEnd());
        return new Candidate(sentence.start(), sentence.end(), d.claimStart(), d.claimEnd(), d.sourceStart(),
                d.sourceEnd(), d.cueStart(), d.cueEnd(), text.substring(sentence.start(), sentence.end()), claim,
                mention, d.cue(), List.copyOf(sources), confidence, d.rule() + quoteKind(claim), d.evidence());
    }

    /**
     * "Ms Robinson, who said ...", "people who said that ...": a relative pronoun speaks for the phrase before it,
     * so the source is looked up under that phrase (the source span stays the pronoun, as annotators mark it); null
     * when the source is no relative pronoun or nothing names a speaker before it.
     */
    static Span antecedent(String text, Span sentence, Draft d) {
        String mention = text.substring(d.sourceStart(), d.sourceEnd()).strip().toLowerCase(java.util.Locale.ROOT);
        if (!mention.equals("who") && !mention.equals("which") || d.sourceStart() <= sentence.start()) {
            return null;
        }
        List<Token> before = Token.tokenize(text, sentence.start(), d.sourceStart());
        int last = before.size() - 1;
        if (last >= 0 && before.get(last).text().equals(",")) {
            last--;
        }
        if (last < 0 || !before.get(last).isWord()) {
            return null;
        }
        int start = leftPhraseStart(before, last);
        return start > last ? null : new Span(before.get(start).start(), before.get(last).end());
    }

    private static String quoteKind(String claim) {
        String trimmed = claim.strip();
        long marks = trimmed.chars().filter(c -> c == '"' || c == '“' || c == '”').count();
        if (marks == 0) {
            return "";
        }
        boolean opens = trimmed.startsWith("\"") || trimmed.startsWith("“");
        boolean closes = trimmed.endsWith("\"") || trimmed.endsWith("”") || trimmed.endsWith("\",")
                || trimmed.endsWith("”,") || trimmed.endsWith(",\"") || trimmed.endsWith(",”");
        return opens && closes && marks == 2 ? "/direct-quote" : "/mixed-quote";
    }

    /** Outer attributions first; an attribution whose cue or source lies inside one already taken is dropped. */
    private static List<Draft> choose(List<Draft> drafts, List<Token> tokens) {
        List<Draft> sorted = new ArrayList<>(drafts);
        // explicit forms first ("according to", "estimates suggest"), then the outermost attribution
        // then cues of the hand-made list before learned ones, which are weaker evidence
        sorted.sort(Comparator.comparingInt((Draft d) -> d.rule().equals("according-to")
                || d.rule().equals("nominal") ? 0 : d.probability() >= 0.5 ? 1 : 2)
                .thenComparingInt(d -> -(d.claimEnd() - d.claimStart())).thenComparingInt(Draft::cueStart));
        List<Draft> taken = new ArrayList<>();
        for (Draft d : sorted) {
            // "X said A, but Y said B": the second attribution ends the first one's claim
            int split = coordination(tokens, d.sourceStart());
            if (split >= 0) {
                for (int k = 0; k < taken.size(); k++) {
                    Draft t = taken.get(k);
                    if (t.claimStart() < split && split < t.claimEnd() && d.claimStart() >= split
                            && d.confidence() >= Cues.COGNITION * 0.9) {
                        taken.set(k, t.withClaim(t.claimStart(), split));
                    }
                }
            }
            // "X praised A and stressed B": a second verb of the same subject ends the first claim
            int and = conjoinedVerb(tokens, d.cueStart());
            if (and >= 0) {
                for (int k = 0; k < taken.size(); k++) {
                    Draft t = taken.get(k);
                    if (d.sourceEnd() <= t.cueStart() && t.claimStart() < and && d.cueStart() < t.claimEnd() && t.cueStart() < and) {
                        taken.set(k, t.withClaim(t.claimStart(), and));
                    }
                }
            }
            boolean inside = taken.stream().anyMatch(t -> t.cueStart() == d.cueStart() || (sameSubject(t, d)
                    ? t.claimStart() <= d.cueStart() && d.cueStart() < t.claimEnd()
                    : t.covers(d.cueStart()) || t.covers(d.sourceStart()) || d.covers(t.cueStart())));
            if (!inside) {
                taken.add(d);
            } else {
                nested(d, taken, tokens);
            }
        }
        taken.sort(Comparator.comparingInt(Draft::cueStart));
        return taken;
    }

    /**
     * The model's probability a nested attribution needs to be proposed beside the claim that holds it: chosen on
     * PolNeAR train, never on dev (held-out fifth, model fitted without it, paired F1: 0.4 0.768, 0.5 0.769, 0.6
     * 0.770, 0.7 0.769, 0.8 0.769; the lower the value, the more recall and the less precision).
     */
    static final double NESTED_MIN = 0.6;

    /** Words that join an attribution that follows inside a claim to it: "..., while 19 percent support Clinton". */
    private static final Set<String> JOINERS = Set.of("and", "but", "while", "whereas", "which", "who", "that", "as",
            "so", "or", "then", "because", "although", "though", "when", "where", "after", "before", "since", "if");

    /**
     * "She urged the judge to be fair, which I said was not ...": an attribution of another source whose every word
     * lies inside a claim already taken, after its first words, is one of its own (each word of an annotated corpus
     * belongs to one attribution): the outer claim ends before it and both are proposed.
     */
    private static void nested(Draft d, List<Draft> taken, List<Token> tokens) {
        // a nested attribution has a verb of its own: "no immediate signs that ..." is a noun phrase of the claim
        if (!WordClasses.tag(tokens.get(AttributionFeatures.first(tokens, d.cueStart()))).startsWith("VB")) {
            return;
        }
        for (int k = 0; k < taken.size(); k++) {
            Draft t = taken.get(k);
            if (d.probability() < NESTED_MIN || t.cueStart() == d.cueStart() || d.extentStart() <= t.claimStart()
                    || d.extentEnd() > t.claimEnd() || d.sourceStart() == t.sourceStart()) {
                continue;
            }
            int end = endBefore(tokens, d.extentStart(), t.claimStart());
            if (end < 0) {
                return;
            }
            // the outer claim must not lose its own cue's words, and nothing else may already sit inside
            for (Draft other : taken) {
                if (other != t && other.extentStart() < t.claimEnd() && other.extentEnd() > d.extentStart()
                        && other.covers(d.cueStart())) {
                    return;
                }
            }
            taken.set(k, t.withClaim(t.claimStart(), end));
            taken.add(d);
            return;
        }
    }

    /** The end of the claim that stops before {@code offset}, without the joining words; -1 if under two words. */
    private static int endBefore(List<Token> t, int offset, int claimStart) {
        int k = t.size() - 1;
        while (k >= 0 && t.get(k).end() > offset) {
            k--;
        }
        while (k >= 0 && t.get(k).start() >= claimStart
                && (isPunctuation(t.get(k)) && !t.get(k).isQuote() || JOINERS.contains(t.get(k).lower()))) {
            k--;
        }
        if (k < 0 || t.get(k).start() < claimStart) {
            return -1;
        }
        int words = 0;
        for (int m = k; m >= 0 && t.get(m).start() >= claimStart; m--) {
            words += t.get(m).isWord() ? 1 : 0;
        }
        return words >= 2 ? t.get(k).end() : -1;
    }

    /** Whether two attributions name the same words as their source, or overlapping ones. */
    private static boolean sameSubject(Draft t, Draft d) {
        return t.sourceStart() == d.sourceStart() && t.sourceEnd() == d.sourceEnd()
                || d.sourceStart() < t.sourceEnd() && t.sourceStart() < d.sourceEnd() && d.cueStart() >= t.claimEnd();
    }

    /** Where the claim before a verb joined by "and" or "but" to the one before it ends ("..., and stressed"), or
     * -1 when the cue at {@code cueStart} has no such conjunction before it. */
    private static int conjoinedVerb(List<Token> t, int cueStart) {
        int k = 0;
        while (k < t.size() && t.get(k).start() < cueStart) {
            k++;
        }
        while (k > 3 && (AUXILIARIES.contains(t.get(k - 1).lower()) || isAdverb(t.get(k - 1)))
                && !t.get(k - 1).isCapitalized()) {
            k--; // "and has since said"
        }
        if (k < 3 || k >= t.size() || !(t.get(k - 1).is("and") || t.get(k - 1).is("but"))) {
            return -1;
        }
        int end = k - 2;
        while (end > 0 && isPunctuation(t.get(end)) && !t.get(end).isQuote()) {
            end--;
        }
        return t.get(end).end();
    }

    /** Where a clause that opens with {@code ", and"}, {@code ", but"}, {@code ";"} or {@code "while"} before a
     * source begins, or -1. */
    private static int coordination(List<Token> t, int sourceStart) {
        int m = 0;
        while (m < t.size() && t.get(m).start() < sourceStart) {
            m++;
        }
        if (m < 2 || m >= t.size()) {
            return -1;
        }
        Token before = t.get(m - 1);
        if (before.text().equals(";")) {
            return before.start();
        }
        boolean conjunction = CONJUNCTIONS
                .contains(before.lower());
        if (conjunction && (t.get(m - 2).text().equals(",") || t.get(m - 2).text().equals(";"))) {
            int end = m - 2;
            return t.get(end - 1 >= 0 ? end : end).start();
        }
        if (before.is("while") || before.is("whereas")) {
            return before.start();
        }
        return -1;
    }

    /** "\"A,\" she said. \"B.\"": a quote that ends its sentence's attribution and a quote that makes up the next
     * sentence, which names no speaker of its own, are one speaker's claim. */
    private static Draft quoteGoesOn(String text, Draft d, Span sentence, Span next, Quotes quotes) {
        if (!d.rule().startsWith("claim-first") || d.cueStart() < d.claimEnd()
                || !(text.charAt(d.claimStart()) == '"' || text.charAt(d.claimStart()) == '“')
                || text.substring(sentence.end(), next.start()).contains("\n")) {
            return d;
        }
        Span quote = quotes.at(next.start());
        if (quote == null || quote.start() != next.start() || quote.end() < next.end() - 1) {
            return d;
        }
        return d.withClaim(d.claimStart(), quote.end());
    }

    /** A claim that starts or ends inside a quote spanning several sentences takes in the whole quote. */
    private static Draft wholeQuote(Draft d, Quotes quotes) {
        int start = d.claimStart();
        int end = d.claimEnd();
        Span first = quotes.at(start);
        if (first != null && first.start() < start && first.end() <= end + 1) {
            start = first.start();
        }
        Span last = quotes.at(end - 1);
        if (last != null && last.end() > end && last.start() >= d.claimStart() - 1) {
            end = last.end();
        }
        if (start == d.claimStart() && end == d.claimEnd()) {
            return d;
        }
        return d.withClaim(start, end);
    }

    /**
     * The drafts whose source passes SourceChecks, each with the attribution model's probability and strongest
     * features; with {@code keep} set, only those at or above the model's threshold.
     */
    static List<Draft> weigh(List<Draft> drafts, List<Token> t, AttributionModel model, boolean keep) {
        List<Draft> weighed = new ArrayList<>();
        for (Draft draft : drafts) {
            Draft d = SourceChecks.check(draft, t);
            if (d == null) {
                continue;
            }
            if (model.isEmpty()) {
                weighed.add(d);
                continue;
            }
            List<String> features = AttributionFeatures.of(d, t);
            double p = model.probability(features);
            if (!keep || p >= model.threshold()) {
                weighed.add(d.weighed(p, model.strongest(features, 3)));
            }
        }
        return weighed;
    }

    /** Every draft the rules find in the sentence {@code t}, before SourceChecks and the model. */
    static List<Draft> drafts(String text, List<Token> t, Quotes quotes) {
        List<Draft> drafts = new ArrayList<>();
        boolean[] used = new boolean[t.size()];
        for (int k = 0; k < t.size(); k++) {
            used[k] = quotes.inside(t.get(k).start());
        }
        accordingTo(text, t, drafts, used);
        colon(text, t, drafts, used);
        nominal(text, t, drafts, used);
        for (int i = 0; i < t.size(); i++) {
            if (!used[i]) {
                verbal(text, t, i, drafts, quotes);
            }
        }
        return drafts;
    }

    /** "Trump: 'I'm the worst thing that ever happened to the establishment.'": a name, a colon, the words. */
    private static void colon(String text, List<Token> t, List<Draft> drafts, boolean[] used) {
        int k = 0;
        while (k < t.size() && k <= 6 && !t.get(k).text().equals(":")) {
            if (!t.get(k).isWord() && !t.get(k).text().equals(".") && !t.get(k).text().equals("-")) {
                return;
            }
            k++;
        }
        if (k == 0 || k >= t.size() - 2 || !t.get(k).text().equals(":") || !t.get(0).isCapitalized()
                || NOT_SPEAKERS.contains(t.get(0).lower()) || NOT_SPEAKERS.contains(t.get(k - 1).lower())) {
            return;
        }
        Token next = t.get(k + 1);
        if (!next.isQuote() && !next.isCapitalized() || wordsBetween(t, k + 1, t.size()) < 3) {
            return;
        }
        used[k] = true;
        drafts.add(new Draft(t.get(0).start(), t.get(k - 1).end(), t.get(k).start(), t.get(k).end(), ":",
                next.start(), claimEnd(t, t.size() - 1), 0.6, "colon"));
    }

    /** "According to X, ..." and "..., according to X." */
    private static void accordingTo(String text, List<Token> t, List<Draft> drafts, boolean[] used) {
        for (int a = 0; a + 2 < t.size(); a++) {
            if (used[a] || !t.get(a).is("according") || !t.get(a + 1).is("to")) {
                continue;
            }
            int s = a + 2;
            int e = s;
            while (e < t.size() && !t.get(e).text().equals(",") && !t.get(e).text().equals(".")
                    && !t.get(e).text().equals(";") && e - s < LONGEST_SOURCE) {
                e++;
            }
            if (e == s) {
                continue;
            }
            int claimStart;
            int claimEnd;
            int before = a;
            while (before > 0 && isPunctuation(t.get(before - 1)) && !t.get(before - 1).isQuote()) {
                before--;
            }
            if (before > 0) {
                claimStart = t.get(0).start();
                claimEnd = t.get(before - 1).end();
            } else {
                int c = e;
                while (c < t.size() && isPunctuation(t.get(c)) && !t.get(c).isQuote()) {
                    c++;
                }
                if (c >= t.size()) {
                    continue;
                }
                claimStart = t.get(c).start();
                claimEnd = claimEnd(t, t.size() - 1);
            }
            used[a] = used[a + 1] = true;
            drafts.add(new Draft(t.get(s).start(), t.get(e - 1).end(), t.get(a).start(), t.get(a + 1).end(),
                    "according to", claimStart, claimEnd, 0.9, "according-to"));
        }
    }

    /** "Recent South Korean intelligence estimates suggest that ...": a noun of reporting, then a verb of showing. */
    private static void nominal(String text, List<Token> t, List<Draft> drafts, boolean[] used) {
        for (int v = 1; v < t.size(); v++) {
            if (used[v] || !Cues.REPORT_VERBS.contains(t.get(v).lower())
                    || !Cues.REPORT_NOUNS.contains(t.get(v - 1).lower())) {
                continue;
            }
            int noun = v - 1;
            int s = leftPhraseStart(t, noun - 1);
            while (s < noun && NOMINAL_MODIFIERS.contains(t.get(s).lower())) {
                s++;
            }
            int sourceStart;
            int sourceEnd;
            int cueStart;
            if (s < noun) {
                sourceStart = t.get(s).start();
                sourceEnd = t.get(noun - 1).end();
                cueStart = t.get(noun).start();
            } else {
                sourceStart = t.get(noun).start();
                sourceEnd = t.get(noun).end();
                cueStart = t.get(v).start();
            }
            int c = v + 1;
            int cueEnd = t.get(v).end();
            if (c < t.size() && t.get(c).is("that")) {
                cueEnd = t.get(c).end();
                c++;
            }
            while (c < t.size() && t.get(c).text().equals(",")) {
                c++;
            }
            if (t.size() - c < 3) {
                continue;
            }
            used[v] = used[noun] = true;
            drafts.add(new Draft(sourceStart, sourceEnd, cueStart, cueEnd, text.substring(cueStart, cueEnd),
                    t.get(c).start(), claimEnd(t, t.size() - 1), 0.8, "nominal"));
        }
    }

    /** A verb of saying or thinking at {@code i}, with its source before or after it. */
    private static void verbal(String text, List<Token> t, int i, List<Draft> drafts, Quotes quotes) {
        double weight = Cues.weight(t.get(i).lower());
        if (!canBeCue(t, i, weight)) {
            return;
        }
        int j = subjectEnd(t, i);
        if (j == NEGATED || nounWithoutSubject(t, i, j)) {
            return;
        }
        int after = afterCue(t, i);
        Phrase source = j >= 0 ? source(t, i, j, after) : new Phrase(0, j);
        int s = source.start();
        boolean hasSource = source.end() >= 0 && s <= source.end()
                && !(s == source.end() && Character.isDigit(t.get(s).text().charAt(0)));
        if (hasSource) {
            if (!claimFirst(text, t, i, after, source, weight, quotes, drafts)) {
                sourceFirst(text, t, i, after, source, weight, drafts);
            }
        } else if (!claimFirstInverted(text, t, i, after, weight, drafts)) {
            participleOfTheSubject(text, t, i, weight, drafts);
        }
    }

    /** A phrase of a sentence as token indices, both inclusive. */
    record Phrase(int start, int end) {
    }

    private static final int NEGATED = -2;

    /** Whether the word at {@code i} can be a cue here: not "the reports", "30 states", "is expected to". */
    static boolean canBeCue(List<Token> t, int i, double weight) {
        Token cue = t.get(i);
        boolean headline = i > 0 && t.get(i - 1).isCapitalized() && (i + 1 >= t.size() || t.get(i + 1).isCapitalized()
                || !t.get(i + 1).isWord());
        if (weight == 0 || cue.isCapitalized() && i > 0 && !headline || cue.isCapitalized() && i == 0) {
            return false;
        }
        if (i > 0 && DETERMINERS.contains(t.get(i - 1).lower())) {
            return false; // "the reports", "an estimated 15,000"
        }
        if (PLACE_NOUNS.contains(cue.lower()) && (cue.isCapitalized() || i > 0 && !t.get(i - 1).isCapitalized()
                && !SUBJECT_PRONOUNS.contains(t.get(i - 1).lower()))) {
            return false; // "the United States", "30 states", "his home state"
        }
        boolean passive = passive(t, i);
        return !(passive && (weight < Cues.COGNITION || i + 1 < t.size() && t.get(i + 1).is("to"))
                || i + 1 < t.size() && t.get(i + 1).is("by")); // "is expected to", "was reported by"
    }

    /** The last word of the cue's subject, before its auxiliaries and adverbs ("has also said"); -1 when the cue
     * opens the sentence, {@link #NEGATED} when a negation comes between ("did not mention": nothing asserted). */
    static int subjectEnd(List<Token> t, int i) {
        int j = i - 1;
        while (j >= 0 && (AUXILIARIES.contains(t.get(j).lower()) || isAdverb(t.get(j)))) {
            if (isNegation(t.get(j))) {
                return NEGATED;
            }
            j--;
        }
        return j >= 0 && isNegation(t.get(j)) ? NEGATED : j;
    }

    /** Whether a cue that is more often a noun ("reports", "claims") lacks the subject or clause a verb would have. */
    static boolean nounWithoutSubject(List<Token> t, int i, int j) {
        boolean auxiliary = false;
        for (int k = j + 1; k < i; k++) {
            auxiliary |= !t.get(k).isCapitalized();
        }
        if (!Cues.NOUN_LIKE.contains(t.get(i).lower()) || auxiliary || j < 0) {
            return false;
        }
        Token before = t.get(j);
        Token next = i + 1 < t.size() ? t.get(i + 1) : null;
        boolean subject = before.isCapitalized() || SUBJECT_PRONOUNS.contains(before.lower())
                || before.lower().endsWith("s") && before.isWord();
        boolean clauseFollows = next == null || next.text().equals(".") || next.is("that")
                || SUBJECT_PRONOUNS.contains(next.lower()) || next.isCapitalized() || next.isQuote()
                || next.is("the") || next.is("a");
        return !subject && !(before.isWord() && clauseFollows) || !before.isWord();
    }

    /** The index after the cue and its particle: "pointed out", "called for". */
    static int afterCue(List<Token> t, int i) {
        int after = i + 1;
        if (after < t.size() && (t.get(after).is("out") || t.get(after).is("for") && t.get(i).lower().startsWith("call"))) {
            after++;
        }
        return after;
    }

    /** The cue's source before it, from the subject's last word {@code j}: appositions, a source that runs back to
     * a comma, the subject of a conjoined verb, "who". An empty phrase (start after end) when there is none. */
    static Phrase source(List<Token> t, int i, int j, int after) {
        Token cue = t.get(i);
        int s = leftPhraseStart(t, j);
        if (j > 0 && t.get(j).text().equals(",")) {
            // "Sanders, a senator from Vermont, said ...": the name before the apposition, which is part of it
            int p = j - 1;
            for (int commas = 0; commas < 4 && p > 0; commas++) {
                while (p > 0 && j - p < 40 && !t.get(p).text().equals(",") && !t.get(p).isQuote()) {
                    p--;
                }
                if (p <= 0 || p >= j - 1 || !t.get(p).text().equals(",")) {
                    break;
                }
                int name = leftPhraseStart(t, p - 1);
                if (name <= p - 1 && t.get(name).isCapitalized() && (name == 0 || !t.get(name - 1).isWord()
                        || name == 1 && SENTENCE_OPENERS.contains(t.get(0).lower()))) {
                    s = name;
                    j = j - 1;
                    break;
                }
                p--;
            }
            int whole = leftPhraseStart(t, j - 1);
            if (s > j && whole == 0 && whole <= j - 1 && t.get(0).isCapitalized()
                    && !INTRODUCTIONS.contains(t.get(0).lower())) {
                s = 0; // "Sen. Jack Reed (D-R.I.), said ...": a stray comma after the sentence's subject
                j = j - 1;
            }
        }
        if (j > 0 && s > j && (t.get(j).text().equals(",") || t.get(j).text().equals("—"))) {
            int start = asideSubjectStart(t, j);
            if (start >= 0 && parenthesisedSubject(t, start, j)) {
                s = start; // "Six Gannett newspapers, including the Asbury Park Press, said ...": the whole subject
                j = j - 1;
            }
        }
        if (j >= 0 && s <= j && s > 1 && !opensTail(t, s - 1) && shortTail(t, after)) {
            // "..., a source close to him said.": the source runs back to the comma
            for (int p = s - 1; p > 0 && j - p <= LONGEST_SOURCE; p--) {
                if (opensTail(t, p)) {
                    if (!isIntroduction(t, p)) {
                        s = p + 1;
                    }
                    break;
                }
                if (!t.get(p).isWord() || t.get(p).is("that") || t.get(p).is("which")) {
                    break;
                }
            }
        }
        if (j > 0 && s > j && (t.get(j).is("and") || t.get(j).is("but")) && !cue.lower().endsWith("ing")) {
            // "FBI officials were angered by the deal and predicted ...": the sentence's subject
            int subject = sentenceSubject(t, j);
            if (subject >= 0) {
                s = subject;
                j = subject;
                while (j + 1 < i && (t.get(j + 1).isCapitalized() || Speakers.isRoleWord(t, j + 1, i)
                        || t.get(j + 1).lower().endsWith("s") && t.get(j + 1).isWord()
                        && !AUXILIARIES.contains(t.get(j + 1).lower()) && !takesObject(t, j + 1))) {
                    j++;
                }
            }
        }
        if (j >= 0 && s > j && (t.get(j).is("who") || t.get(j).is("which"))) {
            s = j; // "18% who say they would be dissatisfied"
        }
        return new Phrase(s, j);
    }

    /** "..., X said." or "\"...,\" X said.": the claim comes first; false when the sentence is not so built. */
    private static boolean claimFirst(String text, List<Token> t, int i, int after, Phrase source, double weight,
            Quotes quotes, List<Draft> drafts) {
        Token cue = t.get(i);
        int cueEnd = t.get(after - 1).end();
        int s = source.start();
        int j = source.end();
        if (s > 0 && opensTail(t, s - 1) && weight >= Cues.COGNITION
                && (quoteOpensSentence(t, s - 1, quotes)
                || shortTail(t, after) && !isIntroduction(t, s - 1))) {
            int claimEnd = tailClaimEnd(t, s - 1);
            if (claimEnd >= 0) {
                drafts.add(new Draft(t.get(s).start(), t.get(j).end(), cue.start(), cueEnd, cue.text(),
                        t.get(0).start(), claimEnd, weight * 0.95, "claim-first"));
                int participle = participle(t, after);
                if (participle >= 0) {
                    addParticiple(text, t, participle, t.get(s).start(), t.get(j).end(), drafts);
                }
            }
            return true;
        }
        return false;
    }

    /** "..., said X.": the claim, then the cue, then its source; false when the sentence is not so built. */
    private static boolean claimFirstInverted(String text, List<Token> t, int i, int after, double weight,
            List<Draft> drafts) {
        Token cue = t.get(i);
        int cueEnd = t.get(after - 1).end();
        if (i > 0 && opensTail(t, i - 1) && !cue.lower().endsWith("ing")) {
            // "..., said X." (but not "..., calling him a liar", a participle)
            int e = after;
            boolean description = after < t.size() && t.get(after).isWord() && !t.get(after).isCapitalized();
            while (e < t.size() && t.get(e).isWord() && e - after < LONGEST_SOURCE
                    && (!CLAUSE_BREAKS.contains(t.get(e).lower())
                    || description && e > after && SOURCE_PREPOSITIONS.contains(t.get(e).lower()))) {
                e++; // "said a longtime adviser to Trump": a description runs on through its prepositions
            }
            int claimEnd = tailClaimEnd(t, i - 1);
            if (e > after && claimEnd >= 0 && (e >= t.size() || isPunctuation(t.get(e)))) {
                drafts.add(new Draft(t.get(after).start(), t.get(e - 1).end(), cue.start(), cueEnd, cue.text(),
                        t.get(0).start(), claimEnd, weight * 0.9, "claim-first-inverted"));
                int participle = participle(t, e);
                if (participle >= 0) {
                    addParticiple(text, t, participle, t.get(after).start(), t.get(e - 1).end(), drafts);
                }
            }
            return true;
        }
        return false;
    }

    /** "Sanders hit back, saying ...": a participle of saying whose source is the sentence's subject. */
    private static void participleOfTheSubject(String text, List<Token> t, int i, double weight, List<Draft> drafts) {
        Token cue = t.get(i);
        if (i > 1 && t.get(i - 1).text().equals(",") && cue.lower().endsWith("ing")
                && weight >= Cues.SPEECH) {
            int subject = sentenceSubject(t, i - 1);
            if (subject >= 0) {
                int end = subject;
                while (end + 1 < i && (t.get(end + 1).isCapitalized() || Speakers.isRoleWord(t, end + 1, i))) {
                    end++;
                }
                addParticiple(text, t, i - 1, t.get(subject).start(), t.get(end).end(), drafts);
            }
        }
    }

    /** "X said (that) ...", "X told workers ...", "X stated, during a briefing, it believes ...". */
    private static void sourceFirst(String text, List<Token> t, int i, int after, Phrase source, double weight,
            List<Draft> drafts) {
        Token cue = t.get(i);
        int cueEnd = t.get(after - 1).end();
        int s = source.start();
        int j = source.end();
        int sentenceEnd = t.size() - 1;
        // source first: skip the hearer of "told workers ...", then "that" or a colon
        String rule = "source-first";
        String cueText = text.substring(cue.start(), cueEnd);
        int c = after;
        if (Cues.WITH_HEARER.contains(cue.lower())) {
            int that = -1;
            for (int k = c; k < Math.min(t.size(), c + 8); k++) {
                if (t.get(k).is("that")) {
                    that = k;
                    break;
                }
                if (isPunctuation(t.get(k))) {
                    break;
                }
            }
            if (that >= 0) {
                c = that;
            } else if (c < t.size() && !t.get(c).isQuote() && !isPunctuation(t.get(c))
                    && !cue.lower().startsWith("accus") && !cue.lower().startsWith("thank")) {
                c = skipHearer(t, c);
            }
        }
        if (c + 1 < t.size() && t.get(c).text().equals(",") && t.get(c + 1).isQuote()) {
            c++;
        } else if (c < t.size() && t.get(c).text().equals(",")) {
            int close = -1;
            for (int k = c + 1; k < Math.min(t.size(), c + 26); k++) {
                if (t.get(k).text().equals(",")) {
                    close = k;
                    break;
                }
            }
            if (close > 0 && close + 1 < t.size()) {
                c = close + 1;
                rule = "source-first-interrupted";
                if (c + 1 < t.size() && SUBJECT_PRONOUNS.contains(t.get(c).lower())
                        && Cues.weight(t.get(c + 1).lower()) > 0) {
                    cueText = cueText + " ... " + text.substring(t.get(c).start(), t.get(c + 1).end());
                    c += 2;
                }
            } else {
                c++;
            }
        }
        if (c < t.size() && (t.get(c).is("that") || t.get(c).text().equals(":"))) {
            c++;
        }
        if (c > sentenceEnd || wordsBetween(t, c, t.size()) < 2) {
            return;
        }
        double confidence = weight * (rule.equals("source-first") ? 1.0 : 0.95);
        int participle = participle(t, c);
        int last = participle < 0 ? sentenceEnd : participle - 1;
        drafts.add(new Draft(t.get(s).start(), t.get(j).end(), cue.start(), cueEnd, cueText, t.get(c).start(),
                claimEnd(t, last), confidence, rule));
        if (participle >= 0) {
            addParticiple(text, t, participle, t.get(s).start(), t.get(j).end(), drafts);
        }
    }

    /** "The Tory leader brands such criticisms ...": a word ending in -s before an object's determiner is the
     * subject's verb, not a plural noun of the subject. */
    private static boolean takesObject(List<Token> t, int k) {
        return k + 1 < t.size() && (OBJECT_DETERMINERS.contains(t.get(k + 1).lower()) || t.get(k + 1).is("such"));
    }

    /** "Sanders hit back, saying ...": the name or pronoun that opens the sentence (after an opening phrase). */
    private static int sentenceSubject(List<Token> t, int before) {
        int k = 0;
        while (k < before && (t.get(k).isQuote() || SENTENCE_OPENERS
                .contains(t.get(k).lower()))) {
            k++;
        }
        if (k < before && !t.get(k).isCapitalized() && !SUBJECT_PRONOUNS.contains(t.get(k).lower())
                || k < before && CLAUSE_BREAKS.contains(t.get(k).lower())) {
            return -1;
        }
        if (k < before && OPENING_PREPOSITIONS.contains(t.get(k).lower())) {
            while (k < before && !t.get(k).text().equals(",")) {
                k++;
            }
            k++;
        }
        if (k >= before) {
            return -1;
        }
        Token first = t.get(k);
        boolean described = (first.is("the") || first.is("a")) && k + 1 < before && t.get(k + 1).isCapitalized();
        boolean name = first.isCapitalized() && (!DETERMINERS.contains(first.lower()) || described)
                && !CLAUSE_BREAKS.contains(first.lower());
        return name || SUBJECT_PRONOUNS.contains(first.lower()) && !first.is("who") ? k : -1;
    }

    /** The comma before a participle of saying (", adding that ...") at or after {@code from}, or -1. */
    private static int participle(List<Token> t, int from) {
        for (int k = Math.max(from, 1); k + 2 < t.size(); k++) {
            if (t.get(k).text().equals(",") && t.get(k + 1).lower().endsWith("ing")
                    && Cues.weight(t.get(k + 1).lower()) >= Cues.SPEECH) {
                return k;
            }
        }
        return -1;
    }

    /** "..., adding that ...": a second claim of the same source. */
    private static void addParticiple(String text, List<Token> t, int comma, int sourceStart, int sourceEnd,
            List<Draft> drafts) {
        Token cue = t.get(comma + 1);
        int c = comma + 2;
        if (Cues.WITH_HEARER.contains(cue.lower())) {
            c = skipHearer(t, c);
        }
        if (c < t.size() && (t.get(c).is("that") || t.get(c).text().equals(":"))) {
            c++;
        }
        if (wordsBetween(t, c, t.size()) < 2) {
            return;
        }
        drafts.add(new Draft(sourceStart, sourceEnd, cue.start(), cue.end(), cue.text(), t.get(c).start(),
                claimEnd(t, t.size() - 1), Cues.weight(cue.lower()) * 0.85, "participle"));
    }

    /**
     * Where a subject with an aside that ends at {@code comma} would begin: at the sentence's start, or just after a
     * quote the sentence opens with ("\"He deserved it,\" the assailant, John McGraw, told ..."); -1 if neither.
     */
    static int asideSubjectStart(List<Token> t, int comma) {
        for (int k = comma - 1; k >= 0; k--) {
            if (t.get(k).isQuote()) {
                return k > 0 && t.get(k - 1).text().equals(",") && k + 1 < comma ? k + 1 : -1;
            }
        }
        return 0;
    }

    /**
     * Whether the words from {@code start} to the comma or dash {@code comma} that ends a cue's subject are that
     * subject with an aside: "Cyber security experts and U.S. officials, however, said", "One of the authors of that
     * report, Ari Fleischer, said", "Jason Sims — a teacher from Mount Pleasant — says". No introduction ("In 2017,
     * ..."), at most two asides' marks before the last, and no verb that could be the sentence's own, except inside
     * a "who" or "which" clause. At the sentence's start the subject opens with a capital.
     */
    static boolean parenthesisedSubject(List<Token> t, int start, int comma) {
        if (comma - start < 3 || comma - start > LONGEST_SOURCE * 2 || !t.get(start).isWord()
                || start == 0 && !t.get(0).isCapitalized() || INTRODUCTIONS.contains(t.get(start).lower())
                || SENTENCE_OPENERS.contains(t.get(start).lower())) {
            return false;
        }
        int marks = 0;
        boolean relative = false;
        for (int k = start; k < comma; k++) {
            Token w = t.get(k);
            if (w.text().equals(",") || w.text().equals("—")) {
                marks++;
                relative = false;
                if (k == start || marks > 2) {
                    return false;
                }
                continue;
            }
            if (w.isQuote() || !w.isWord() && !w.text().equals(".") && !w.text().equals("-")
                    && !w.text().equals("(") && !w.text().equals(")") && !w.text().equals("&")) {
                return false;
            }
            relative |= w.is("who") || w.is("which") || w.is("whose");
            String tag = WordClasses.tag(w);
            boolean finite = tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD");
            if (finite && !w.isCapitalized() && !relative || SUBORDINATORS.contains(w.lower())) {
                return false;
            }
        }
        return marks >= 1;
    }

    /** Where the noun phrase that ends at {@code j} starts, walking left until a clause break or punctuation. */
    private static int leftPhraseStart(List<Token> t, int j) {
        int k = j;
        while (k >= 0 && j - k < LONGEST_SOURCE) {
            Token w = t.get(k);
            String x = w.text();
            if (x.equals("(") || x.equals(")") || x.equals("&") || x.equals("-")
                    || x.equals(".") && k + 1 <= j && t.get(k + 1).text().equals(")")) {
                k--;
                continue;
            }
            if (!w.isWord()) {
                break;
            }
            if (w.is("and")) {
                if (k > 0 && k < j && t.get(k - 1).isCapitalized() && t.get(k + 1).isCapitalized()) {
                    k--;
                    continue;
                }
                break;
            }
            // "A spokesman for Ms Sorel said": the source is the spokesman, whose span takes the whole mention
            boolean inName = w.is("of") || w.is("for") && k > 0 && t.get(k - 1).isCapitalized()
                    || SOURCE_PREPOSITIONS.contains(w.lower()) && k > 0 && k < j
                            && Speakers.ROLES.contains(t.get(k - 1).lower())
                    || w.is("in") && k > 0 && k < j && isNumber(t.get(k - 1)) && isNumber(t.get(k + 1));
            if (CLAUSE_BREAKS.contains(w.lower()) && !inName) {
                break;
            }
            if (Cues.weight(w.lower()) >= Cues.COGNITION && !w.isCapitalized() && !Cues.NOUN_LIKE.contains(w.lower())) {
                break;
            }
            k--;
        }
        int start = k + 1;
        while (start <= j && (t.get(start).text().equals(")") || t.get(start).text().equals("-"))) {
            start++;
        }
        return start;
    }

    /** "told workers it was crucial": the hearer is a name or one plain noun before the claim begins. */
    private static int skipHearer(List<Token> t, int c) {
        int k = c;
        if (k < t.size() && DETERMINERS.contains(t.get(k).lower())) {
            k++;
        }
        if (k < t.size() && t.get(k).isCapitalized()) {
            while (k < t.size() && t.get(k).isCapitalized()) {
                k++;
            }
            return k;
        }
        if (k < t.size() && SUBJECT_PRONOUNS.contains(t.get(k).lower())) {
            return c;
        }
        Token hearer = k < t.size() ? t.get(k) : null;
        if (hearer != null && hearer.isWord() && (hearer.lower().endsWith("s") || HEARERS.contains(hearer.lower()))) {
            return k + 1;
        }
        return c;
    }

    /** Whether the token before a source ends a claim that comes first: a comma, or a closing quote. */
    private static boolean opensTail(List<Token> t, int k) {
        String x = t.get(k).text();
        if (x.equals(",") || x.equals("”") || x.equals("—")) {
            return true;
        }
        if (t.get(k).isQuote() && k > 0) {
            String before = t.get(k - 1).text();
            return before.equals(",") || before.equals("?") || before.equals("!") || before.equals(".")
                    || t.get(k - 1).isQuote() && k > 1 && t.get(k - 2).text().equals(",");
        }
        return false;
    }

    /** Whether the quote closed at {@code k} is the sentence's claim: it opens the sentence or began before it. */
    private static boolean quoteOpensSentence(List<Token> t, int k, Quotes quotes) {
        if (!t.get(k).isQuote()) {
            return false;
        }
        Span quote = quotes.at(t.get(k).start());
        return quote != null && quote.start() <= t.get(0).start();
    }

    /** Whether a form of "be" comes before the cue at {@code i}: "is expected", "was said". */
    private static boolean passive(List<Token> t, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (BE.contains(t.get(k).lower())) {
                return true;
            }
            if (!AUXILIARIES.contains(t.get(k).lower()) && !isAdverb(t.get(k))) {
                return false;
            }
        }
        return false;
    }

    /** "Over lunch, he recalled ...", "In April, Twitter reported ...": a short opening phrase, not a claim. */
    private static boolean isIntroduction(List<Token> t, int comma) {
        if (wordsBetween(t, 0, comma) < 4) {
            return true;
        }
        return INTRODUCTIONS.contains(t.get(0).lower()) && wordsBetween(t, 0, comma) < 8;
    }

    /** Whether what follows a cue is short enough to be a tail ("X said on Monday.") and not a claim. */
    private static boolean shortTail(List<Token> t, int after) {
        if (after > 0 && after < t.size() && Cues.WITH_HEARER.contains(t.get(after - 1).lower())) {
            int past = skipHearer(t, after); // "..., an official told The New York Times."
            if (past > after && (past >= t.size() || t.get(past).text().equals("."))) {
                return true;
            }
        }
        for (int k = after; k < t.size() && k < after + 8; k++) {
            Token w = t.get(k);
            if (w.text().equals(",") || w.text().equals(";") || w.text().equals("-") || w.text().equals("—")
                    || w.text().equals("–") || w.text().equals("(")) {
                break;
            }
            if (w.is("that") || w.text().equals(":") || w.isQuote()) {
                return false;
            }
        }
        if (after + 1 < t.size() && t.get(after).text().equals(",") && t.get(after + 1).isQuote()) {
            return false; // "Beck said, \"...\"": the quote follows
        }
        if (after >= t.size() || !t.get(after).isWord() && !t.get(after).isQuote()
                || TAIL_OPENERS.contains(t.get(after).lower())
                || SAYING_TAIL_OPENERS.contains(t.get(after).lower()) && after > 0
                        && Cues.weight(t.get(after - 1).lower()) >= Cues.SPEECH) {
            return true;
        }
        if (OBJECT_DETERMINERS.contains(t.get(after).lower())) {
            return false; // "Twitter reported a loss": an object, so the claim follows
        }
        int words = 0;
        for (int k = after; k < t.size(); k++) {
            Token w = t.get(k);
            if (w.text().equals(",") || w.text().equals(";")) {
                return words <= 2;
            }
            if (w.is("that") || w.text().equals(":") || w.isQuote()) {
                return false;
            }
            if (w.isWord() && !TIME_TAIL.contains(w.lower())) {
                words++;
            }
        }
        return words <= 2;
    }

    /** The end of a claim that comes first, before the comma or quote at {@code k}; -1 when there is none. */
    private static int tailClaimEnd(List<Token> t, int k) {
        int end = k;
        if (t.get(k).isQuote()) {
            end = k; // keep the closing quote
            return wordsBetween(t, 0, k) >= 1 ? t.get(k).end() : -1;
        }
        while (end > 0 && isPunctuation(t.get(end)) && !t.get(end).isQuote()) {
            end--;
        }
        return wordsBetween(t, 0, end + 1) >= 2 ? t.get(end).end() : -1;
    }

    private static int claimEnd(List<Token> t, int last) {
        int k = last;
        while (k > 0 && (t.get(k).text().equals(".") || t.get(k).text().equals(";"))) {
            k--;
        }
        return t.get(k).end();
    }

    private static int wordsBetween(List<Token> t, int from, int to) {
        int n = 0;
        for (int k = from; k < to && k < t.size(); k++) {
            if (t.get(k).isWord()) {
                n++;
            }
        }
        return n;
    }

    private static boolean isPunctuation(Token t) {
        return !t.isWord();
    }

    private static boolean isAdverb(Token t) {
        return t.lower().endsWith("ly") && t.lower().length() > 4 && !t.isCapitalized()
                && Cues.weight(t.lower()) == 0 && !t.lower().equals("family") && !t.lower().equals("italy");
    }

    /** "four", "10": a count, as in the source "about four in 10". */
    private static boolean isNumber(Token t) {
        return Character.isDigit(t.text().charAt(0)) || NUMBERS.contains(t.lower());
    }

    private static boolean isNegation(Token t) {
        return t.is("not") || t.is("never") || t.lower().endsWith("n't");
    }
}
