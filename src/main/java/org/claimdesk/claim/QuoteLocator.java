package org.claimdesk.claim;

/**
 * Finds a pasted quote in an article's text. Pasting changes text in small ways: curly quotes become straight ones
 * (or the reverse) and line breaks become spaces. The quote is found exactly if it can be, otherwise with quote marks
 * and runs of white space treated as equal; the range returned is always that of the text as printed.
 */
public final class QuoteLocator {

    /** A range of the article's text: start inclusive, end exclusive. */
    public record Found(int start, int end) {
    }

    private QuoteLocator() {
    }

    public static Found find(String body, String quote) {
        int exact = body.indexOf(quote);
        if (exact >= 0) {
            return new Found(exact, exact + quote.length());
        }
        Normalized text = normalize(body);
        Normalized wanted = normalize(quote.strip());
        if (wanted.text.isEmpty()) {
            return null;
        }
        int at = text.text.indexOf(wanted.text);
        if (at < 0) {
            return null;
        }
        int last = at + wanted.text.length() - 1;
        return new Found(text.origin[at], text.origin[last] + 1);
    }

    /** The text with quote marks made straight and white space runs made one space; origin maps back to it. */
    private record Normalized(String text, int[] origin) {
    }

    private static Normalized normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    origin[out.length()] = i;
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            space = false;
            origin[out.length()] = i;
            out.append(switch (c) {
                case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`' -> '\'';
                case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb' -> '"';
                default -> c;
            });
        }
        return new Normalized(out.toString(), origin);
    }
}
