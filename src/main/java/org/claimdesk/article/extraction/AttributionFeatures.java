package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The named features of a draft that the attribution model weighs: what the cue is, what surrounds it, what the
 * source and the claim look like, and which rule found it. Each is a plain string ("cue=said", "source.head=NNP"), so
 * the model's reasons for a candidate can be shown to a reviewer as they are.
 */
final class AttributionFeatures {

    /** Words kept as themselves next to a cue or a claim; any other word is known by its tag only. */
    private static final Set<String> FUNCTION_WORDS = Set.of("that", "to", "the", "a", "an", "he", "she", "they",
            "it", "we", "i", "who", "which", "not", "n't", "never", "has", "have", "had", "was", "is", "were", "are",
            "be", "been", "would", "will", "could", "may", "might", "also", "and", "but", "if", "whether", "what",
            "how", "by", "for", "of", "on", "in", "about", "with", "as", "at", "from", "this", "his", "her", "their",
            "its", "there", "you", "can", "should", "must", "did", "does", "do", "so", "just", "said", "says");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you", "who", "which");

    private AttributionFeatures() {
    }

    /** Every feature of {@code d}, a draft of the sentence {@code t}. */
    static List<String> of(Draft d, List<Token> t) {
        List<String> out = new ArrayList<>();
        String rule = rule(d, out);
        cue(d, t, out, rule);
        cueContext(d, t, out);
        source(d, t, out, rule);
        claim(d, t, out);
        pairs(d, t, out);
        return out;
    }

    /**
     * Pairs that one feature alone cannot weigh: "say" before its claim is a report, after it often a tail; "call"
     * before a pronoun ("called him") is naming, before "for" a demand; and how far the source stands from its cue.
     */
    static void pairs(Draft d, List<Token> t, List<String> out) {
        int i = first(t, d.cueStart());
        int j = last(t, d.cueEnd());
        int s = first(t, d.sourceStart());
        int e = last(t, d.sourceEnd());
        String lemma = WordClasses.lemma(t.get(i));
        String side = d.claimStart() < d.cueStart() ? "before" : "after";
        out.add("cue.lemma+side=" + lemma + "+" + side);
        out.add("cue.lemma+after=" + lemma + "+" + (j + 1 < t.size() ? word(t.get(j + 1)) : "</s>"));
        out.add("cue.lemma+source.pronoun=" + lemma + "+" + (s == e && PRONOUNS.contains(t.get(e).lower())));
        // "a group called Black Votes Matter" names a thing; "Trump called her a liar" is speech
        out.add("cue.lemma+source.first=" + lemma + "+" + word(t.get(s)));
        out.add("source.head+cue.list=" + WordClasses.tag(t.get(e)) + "+" + Cues.list(t.get(i).lower()));
        int gap = d.sourceEnd() <= d.cueStart() ? i - e - 1 : s - j - 1;
        out.add("source.gap=" + bucket(Math.max(0, gap), 0, 1, 2, 4, 8));
        boolean quoted = false;
        for (int k = first(t, d.claimStart()); k <= last(t, d.claimEnd()); k++) {
            quoted |= t.get(k).isQuote();
        }
        out.add("claim.hasQuote+side=" + quoted + "+" + side);
    }

    /** The rule that found the draft, without its quote kind. */
    static String rule(Draft d, List<String> out) {
        String rule = d.rule();
        out.add("rule=" + rule);
        return rule;
    }

    /** The cue's word, lemma, usual tag, the list it comes from and how often it heads a cue in train. */
    static void cue(Draft d, List<Token> t, List<String> out, String rule) {
        int i = first(t, d.cueStart());
        Token cue = t.get(i);
        String list = Cues.list(cue.lower());
        out.add("cue=" + cue.lower());
        out.add("cue.lemma=" + WordClasses.lemma(cue));
        out.add("cue.tag=" + WordClasses.tag(cue));
        out.add("cue.list=" + list);
        out.add("cue.list+rule=" + list + "+" + rule);
        out.add("cue.share=" + bucket(Cues.share(cue.lower()), 0.05, 0.1, 0.2, 0.4, 0.6));
        out.add("cue.capitalized=" + cue.isCapitalized());
        if (d.cue().contains(" ... ")) {
            out.add("cue.interrupted");
        }
    }

    /** The words just before and after the cue: "has said", "said that", "told reporters". */
    static void cueContext(Draft d, List<Token> t, List<String> out) {
        int i = first(t, d.cueStart());
        int j = last(t, d.cueEnd());
        out.add("cue.before=" + (i > 0 ? word(t.get(i - 1)) : "<s>"));
        out.add("cue.after=" + (j + 1 < t.size() ? word(t.get(j + 1)) : "</s>"));
        out.add("cue.after2=" + (j + 2 < t.size() ? word(t.get(j + 2)) : "</s>"));
        String cueTag = WordClasses.tag(t.get(i));
        out.add("cue.tag+after=" + cueTag + "+" + (j + 1 < t.size() ? WordClasses.tag(t.get(j + 1)) : "</s>"));
    }

    /** The source's head (its last word), first word and length, and what comes before it. */
    static void source(Draft d, List<Token> t, List<String> out, String rule) {
        int s = first(t, d.sourceStart());
        int e = last(t, d.sourceEnd());
        Token head = t.get(e);
        String headTag = WordClasses.tag(head);
        out.add("source.head=" + headTag);
        out.add("source.head+rule=" + headTag + "+" + rule);
        if (!headTag.startsWith("NNP") && head.isWord()) {
            out.add("source.headword=" + head.lower());
        }
        out.add("source.first=" + word(t.get(s)));
        out.add("source.length=" + bucket(e - s + 1, 1, 2, 3, 5, 8));
        out.add("source.pronoun=" + (s == e && PRONOUNS.contains(head.lower())));
        out.add("source.capitalized=" + t.get(s).isCapitalized());
        out.add("source.before=" + (s > 0 ? word(t.get(s - 1)) : "<s>"));
    }

    /** The claim's length, where it starts, whether it is quoted and which side of the cue it lies on. */
    static void claim(Draft d, List<Token> t, List<String> out) {
        int c = first(t, d.claimStart());
        int e = last(t, d.claimEnd());
        int words = 0;
        for (int k = c; k <= e; k++) {
            words += t.get(k).isWord() ? 1 : 0;
        }
        out.add("claim.words=" + bucket(words, 2, 4, 7, 12, 20, 35));
        out.add("claim.first=" + word(t.get(c)));
        out.add("claim.quoted=" + t.get(c).isQuote());
        out.add("claim.side=" + (d.claimStart() < d.cueStart() ? "before" : "after"));
        out.add("claim.rest=" + bucket(t.size() - 1 - e, 0, 1, 3, 8));
    }

    /** A function word as itself, any other word or mark by its usual tag. */
    private static String word(Token w) {
        return FUNCTION_WORDS.contains(w.lower()) ? w.lower() : WordClasses.tag(w);
    }

    private static String bucket(double value, double... bounds) {
        for (double b : bounds) {
            if (value <= b) {
                return "<=" + (b == Math.floor(b) ? String.valueOf((long) b) : String.valueOf(b));
            }
        }
        return ">" + bounds[bounds.length - 1];
    }

    /** The index of the first token that ends after {@code offset}. */
    static int first(List<Token> t, int offset) {
        int lo = 0;
        int hi = t.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the last token that starts before {@code offset}. */
    static int last(List<Token> t, int offset) {
        int lo = 0;
        int hi = t.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (t.get(mid).start() < offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
