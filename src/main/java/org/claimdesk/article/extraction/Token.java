package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A word or punctuation mark of a sentence, with its range in the clean text. */
record Token(int start, int end, String text, String lower) {

    boolean isWord() {
        return Character.isLetterOrDigit(text.charAt(0));
    }

    boolean isCapitalized() {
        return Character.isUpperCase(text.charAt(0));
    }

    boolean is(String word) {
        return lower.equals(word);
    }

    boolean isQuote() {
        return text.length() == 1 && "\"“”‘’'«»".indexOf(text.charAt(0)) >= 0;
    }

    /** Words keep inner apostrophes, hyphens and full stops ("don't", "well-known", "U.S."); anything else is one mark. */
    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                i++;
                while (i < to) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '\'' || d == '’' || d == '-' || d == '.' || d == ',') && i + 1 < to
                            && Character.isLetterOrDigit(text.charAt(i + 1))
                            && (d != ',' || Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1)))) {
                        i++;
                    } else {
                        break;
                    }
                }
                // "U.S.", "Mr." and the initial "R." keep their full stop, so names stay whole
                if (i < to && text.charAt(i) == '.' && (i - start >= 3 && text.charAt(i - 2) == '.'
                        || i - start == 1 && Character.isUpperCase(c)
                        || Character.isUpperCase(c) && i + 1 < to && text.charAt(i + 1) == ' '
                                && SentenceSplitter.ABBREVIATIONS.contains(
                                        text.substring(start, i).toLowerCase(Locale.ROOT)))) {
                    i++;
                }
            } else {
                i++;
            }
            String word = text.substring(start, i);
            tokens.add(new Token(start, i, word, word.toLowerCase(Locale.ROOT).replace('’', '\'')));
        }
        return tokens;
    }
}
