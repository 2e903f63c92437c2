package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits clean text into sentences. A line break always ends a sentence (headlines and list items carry no full
 * stop); a full stop does not when it ends an abbreviation ("Mr.", "U.S."), an initial ("John F. Kennedy") or sits
 * inside a number (3.5), and a closing quotation mark stays with the sentence it closes.
 */
public final class SentenceSplitter {

    static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov",
            "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "st", "jr", "sr", "inc", "corp", "co", "ltd",
            "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no",
            "mt", "ft", "approx", "dept", "est", "fig", "gov't", "pres", "rev", "hon", "u.s", "u.k", "u.n", "d.c",
            "a.m", "p.m", "n.y", "l.a", "ph.d", "univ", "assn", "bros", "messrs", "mmes", "atty", "supt", "det",
            "insp", "amb", "sens", "reps", "govs", "calif", "fla", "mass", "penn", "ariz", "colo", "conn", "ill",
            "ind", "kan", "mich", "minn", "miss", "nev", "okla", "ore", "tenn", "tex", "va", "wash", "wis", "ala",
            "ark", "del", "ga", "ky", "la", "md", "mo", "mont", "neb", "vt", "wyo");

    private SentenceSplitter() {
    }

    /** The sentences of {@code text} in order, trimmed of surrounding white space, never empty. */
    public static List<Span> split(String text) {
        List<Span> sentences = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(text, start, i, sentences);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (endsSentence(text, i, end)) {
                    add(text, start, end, sentences);
                    start = end;
                    i = end;
                    continue;
                }
            }
            i++;
        }
        add(text, start, n, sentences);
        return sentences;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '.' || c == '!'
                || c == '?';
    }

    private static boolean endsSentence(String text, int mark, int end) {
        int n = text.length();
        if (end < n && !Character.isWhitespace(text.charAt(end))) {
            return false;
        }
        int next = end;
        while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t' || text.charAt(next) == '\u00a0')) {
            next++;
        }
        if (next >= n || text.charAt(next) == '\n' || text.charAt(next) == '\r') {
            return true;
        }
        char following = text.charAt(next);
        boolean opens = Character.isUpperCase(following) || Character.isDigit(following) || following == '"'
                || following == '“' || following == '‘' || following == '\'' || following == '(' || following == '[';
        if (!opens) {
            return false;
        }
        if (text.charAt(mark) != '.' || end > mark + 1) {
            // "Is it over?" Weaver asked. The question belongs to the attribution that follows it
            return !(end > mark + 1 && text.charAt(mark) != '.' && attributionFollows(text, next));
        }
        String word = wordBefore(text, mark);
        if (word.isEmpty()) {
            return true;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial: "John F. Kennedy"
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static final Set<String> SPEAKING = Set.of("said", "says", "asked", "asks", "added", "told", "wrote",
            "replied", "continued", "explained", "tweeted", "noted", "shouted", "yelled", "exclaimed", "recalled");

    /** Whether one of the next few words is a verb of speaking, ending a short "Weaver said." */
    private static boolean attributionFollows(String text, int from) {
        int end = from;
        int words = 0;
        while (end < text.length() && words < 5) {
            int start = end;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                words++;
                if (SPEAKING.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            if (end < text.length() && (text.charAt(end) == '.' || text.charAt(end) == '\n')) {
                return false;
            }
            end++;
        }
        return false;
    }

    /** The word that a full stop ends, with inner full stops kept ("U.S"). */
    private static String wordBefore(String text, int mark) {
        int i = mark;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '’'
                    || (c == '.' && i - 2 >= 0 && Character.isLetter(text.charAt(i - 2)))) {
                i--;
            } else {
                break;
            }
        }
        return text.substring(i, mark);
    }

    private static void add(String text, int start, int end, List<Span> sentences) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Span(start, end));
        }
    }
}
