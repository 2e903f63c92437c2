package org.claimdesk.article.extraction;

import java.util.List;
import java.util.Set;

/**
 * Checks that a draft's source is a speaker and not some other phrase of the sentence, from the words' usual parts
 * of speech (WordClasses):
 * <ul>
 * <li>a source whose last word is a verb is no speaker: in "He would not discuss reports the party repaid ...",
 * "discuss" is not the source of "reports";
 * <li>a source that is the object of a relative clause gives way to the clause's antecedent: in "Ms Robinson, who
 * presents The Weakest Link tells Cockerell that ...", the speaker is Ms Robinson, not The Weakest Link;
 * <li>a thing that is called something is being named, not speaking: in "a BBC documentary called 'No More Mr
 * Nasty'" or "a new group called Black Votes Matter", nobody says anything.
 * </ul>
 */
final class SourceChecks {

    private SourceChecks() {
    }

    /** The draft with its source checked, or null when it has no speaker. */
    static Draft check(Draft d, List<Token> t) {
        if (d.sourceEnd() <= d.sourceStart() || d.rule().equals("according-to") || d.rule().equals("nominal")) {
            return d;
        }
        if (headIsVerb(d, t) || naming(d, t)) {
            return null;
        }
        int antecedent = relativeClauseAntecedent(d, t);
        if (antecedent >= 0) {
            int comma = relativeClauseComma(d, t);
            return d.withSource(t.get(antecedent).start(), t.get(comma - 1).end());
        }
        return d;
    }

    /** Whether the source's last word is usually a verb ("discuss"), not a noun, name or pronoun. */
    static boolean headIsVerb(Draft d, List<Token> t) {
        Token head = t.get(AttributionFeatures.last(t, d.sourceEnd()));
        String tag = WordClasses.tag(head);
        return head.isWord() && !head.isCapitalized() && (tag.startsWith("VB") || tag.equals("MD"));
    }

    /** Participles that name what comes before them: "a group called ...", "a cleric named ...". */
    private static final Set<String> NAMING = Set.of("called", "named", "dubbed", "titled",
            "entitled", "nicknamed", "known");

    /**
     * Whether the cue names its source rather than quoting it: a naming participle right after an indefinite
     * singular common noun ("a BBC documentary", "a new group"; not a pronoun, a name, a role such as "spokesman" or
     * "his campaign"), followed by a name or a quoted title.
     */
    static boolean naming(Draft d, List<Token> t) {
        int i = AttributionFeatures.first(t, d.cueStart());
        int e = AttributionFeatures.last(t, d.sourceEnd());
        if (!NAMING.contains(t.get(i).lower()) || e != i - 1 || i + 1 >= t.size() || d.claimStart() < d.cueStart()) {
            return false;
        }
        Token head = t.get(e);
        Token next = t.get(i + 1);
        boolean common = head.isWord() && !head.isCapitalized() && !head.lower().endsWith("s")
                && WordClasses.tag(head).startsWith("NN") && !Speakers.ROLES.contains(head.lower());
        return common && (next.isCapitalized() || next.isQuote()) && indefinite(t, e);
    }

    /** Whether the noun at {@code head} opens with "a", "an" or "another": "a BBC documentary", not "his campaign". */
    private static boolean indefinite(List<Token> t, int head) {
        for (int k = head - 1; k >= 0 && head - k <= 4 && t.get(k).isWord(); k--) {
            String w = t.get(k).lower();
            if (w.equals("a") || w.equals("an") || w.equals("another")) {
                return true;
            }
            if (w.equals("the") || w.equals("this") || w.equals("that") || w.equals("its") || w.equals("his")
                    || w.equals("her") || w.equals("their") || w.equals("our") || w.equals("of")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Where the antecedent of a relative clause starts when the source is that clause's object ("X, who presents
     * Y tells ..."), or -1: a verb opens the source or comes just before it, and ", who" or ", which" that verb.
     */
    static int relativeClauseAntecedent(Draft d, List<Token> t) {
        int comma = relativeClauseComma(d, t);
        if (comma < 1) {
            return -1;
        }
        int start = comma - 1;
        while (start > 0 && t.get(start - 1).isWord() && t.get(start - 1).isCapitalized()) {
            start--;
        }
        return t.get(start).isCapitalized() ? start : -1;
    }

    /** The comma of the ", who VERB" whose object is the source, or -1. */
    private static int relativeClauseComma(Draft d, List<Token> t) {
        if (d.cueStart() < d.sourceStart()) {
            return -1;
        }
        int s = AttributionFeatures.first(t, d.sourceStart());
        int e = AttributionFeatures.last(t, d.sourceEnd());
        for (int v = Math.max(1, s - 1); v < e; v++) {
            Token w = t.get(v);
            if (w.isWord() && !w.isCapitalized() && WordClasses.tag(w).startsWith("VB")) {
                return commaBeforeRelative(t, v);
            }
        }
        return -1;
    }

    /** The comma of ", who ..." or ", which ..." shortly before the token {@code s}, or -1. */
    private static int commaBeforeRelative(List<Token> t, int s) {
        for (int k = s - 1; k >= 1 && s - k <= 6; k--) {
            if ((t.get(k).is("who") || t.get(k).is("which")) && t.get(k - 1).text().equals(",")) {
                return k - 1;
            }
            if (!t.get(k).isWord()) {
                return -1;
            }
        }
        return -1;
    }
}
