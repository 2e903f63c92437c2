package org.claimdesk.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a search box's words become a text-search query that matches the vectors of V13 (claims and sources): the
 * {@code claimdesk} configuration (English stemming for English, the Russian stemmer for Cyrillic, diacritics
 * ignored) and, for Korean, Japanese and Chinese, the overlapping letter pairs those vectors also hold, so that a
 * word finds the longer written words that contain it ("북한" finds "북한은"). Use {@link #tsquery} as the SQL and bind
 * {@link #query} of what was typed to its parameter.
 */
public final class SearchText {

    /** The text-search configuration of every vector and query (V13). */
    public static final String CONFIG = "claimdesk";

    // the same ranges as claimdesk_cjk_pairs() in V13: Hangul jamo, kana, compatibility jamo, CJK ideographs
    // (extension A, unified, compatibility) and Hangul syllables
    private static final Pattern CJK_RUN = Pattern.compile(
            "[\\u1100-\\u11ff\\u3040-\\u30ff\\u3130-\\u318f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff]+");

    private SearchText() {
    }

    /** The SQL of the query read from the parameter {@code param} (websearch syntax: "a phrase", or, -word). */
    public static String tsquery(String param) {
        return "websearch_to_tsquery('" + CONFIG + "', claimdesk_unaccent(:" + param + "))";
    }

    /**
     * What to bind for {@link #tsquery}: the typed text with digit groups joined ("15,000" as the index holds it,
     * 15000) and every run of CJK letters written as the phrase of its letter pairs ("북한은" becomes
     * {@code "북한 한은"}); inside a quoted phrase the pairs join that phrase.
     */
    public static String query(String typed) {
        String text = typed.replaceAll("(\\d),(?=\\d{3})", "$1");
        StringBuilder out = new StringBuilder();
        Matcher run = CJK_RUN.matcher(text);
        int last = 0;
        while (run.find()) {
            String before = text.substring(last, run.start());
            out.append(before);
            boolean inPhrase = count(text.substring(0, run.start()), '"') % 2 == 1;
            String pairs = pairs(run.group());
            out.append(inPhrase ? pairs : "\"" + pairs + "\"");
            last = run.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** The overlapping letter pairs of a run, as V13 indexes them; a run of one letter is itself. */
    static String pairs(String run) {
        int[] letters = run.codePoints().toArray();
        if (letters.length == 1) {
            return run;
        }
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i + 1 < letters.length; i++) {
            if (i > 0) {
                pairs.append(' ');
            }
            pairs.appendCodePoint(letters[i]).appendCodePoint(letters[i + 1]);
        }
        return pairs.toString();
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
