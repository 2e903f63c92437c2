package org.claimdesk.article.extraction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Puts a source's name or a mention into the one form they are compared in. */
final class Names {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['’]s?\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {
    }

    /** Lower case without accents, possessives, punctuation or a leading "the": "The U.S.'s" becomes "us". */
    static String normalize(String name) {
        String s = name;
        if (!isAscii(s)) {
            s = ACCENTS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        }
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace(".", "");
        s = NON_WORD.matcher(s).replaceAll(" ").strip();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return s;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127 && s.charAt(i) != '’') {
                return false;
            }
        }
        return true;
    }
}
