package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The usual part of speech (Penn tag) and lemma of each word, counted from CoreNLP's annotations of PolNeAR train
 * (word-classes.tsv, made by AttributionTraining). A lookup, not a tagger: it costs nothing at run time, and the
 * attribution model only needs to tell "discuss" (a verb) from "reports" (mostly a noun) and "officials".
 */
final class WordClasses {

    private static final Map<String, String[]> WORDS = load();

    private WordClasses() {
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> words = new HashMap<>();
        try (InputStream in = WordClasses.class.getResourceAsStream("word-classes.tsv")) {
            if (in == null) {
                return words;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t");
                if (!line.startsWith("#") && cols.length >= 3) {
                    words.put(cols[0], new String[] {cols[1], cols[2]});
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The word's most frequent Penn tag, or a guess from its shape for a word the lexicon lacks. */
    static String tag(Token token) {
        String[] known = known(token);
        return known != null ? known[0] : shape(token);
    }

    /** The word's lemma ("said" -> "say"), or the word itself. */
    static String lemma(Token token) {
        String[] known = known(token);
        return known == null ? token.lower() : known[1];
    }

    /** As written first ("Trump", "May"), then in lower case, for a capital that only opens the sentence. */
    private static String[] known(Token token) {
        String[] written = WORDS.get(token.text());
        return written != null ? written : WORDS.get(token.lower());
    }

    private static String shape(Token token) {
        String w = token.lower();
        if (!token.isWord()) {
            return token.isQuote() ? "``" : token.text();
        }
        if (Character.isDigit(w.charAt(0))) {
            return "CD";
        }
        if (token.isCapitalized()) {
            return "NNP";
        }
        if (w.endsWith("ly")) {
            return "RB";
        }
        if (w.endsWith("ed")) {
            return "VBD";
        }
        if (w.endsWith("ing")) {
            return "VBG";
        }
        return w.endsWith("s") ? "NNS" : "NN";
    }
}
