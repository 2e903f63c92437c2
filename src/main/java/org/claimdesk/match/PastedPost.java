package org.claimdesk.match;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A social post as a reviewer pastes it into "Checked before?", reduced to what it claims: links, picture links, the
 * embed's trailing signature ("— Name (@handle) January 6, 2020", but for the name) and the '@' and '#' marks go, so that neither the
 * meaning nor the shared words are spent on them. Plain sentences and articles come back unchanged but for spacing.
 */
final class PastedPost {

    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)\\S+|pic\\.twitter\\.com/\\w+");
    /** The signature an embedded tweet ends with: a dash, the author, the handle in brackets, the date. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "\\s*[—–-]{1,2}\\s*([^—–\\n(]{0,80}?)\\s*\\(@\\w{1,30}\\)\\s*(?:[A-Z][a-z]+\\.? \\d{1,2}, \\d{4})?\\s*\"?\\s*$");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,30})");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#&])#(\\p{L}[\\p{L}\\p{N}_]*)");
    /** Where a CamelCase tag joins two words: "IranProtests", "FreeIran2020". */
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})");

    private PastedPost() {
    }

    /** The text with a post's links, signature and marks removed; the text itself when nothing is left. */
    static String clean(String text) {
        String t = LINK.matcher(text).replaceAll(" ");
        // the author stays: who posted it is often part of the claim ("Trump tweeted that...")
        t = SIGNATURE.matcher(t).replaceFirst(m -> Matcher.quoteReplacement(m.group(1).isBlank() ? ""
                : ". " + m.group(1).strip()));
        t = MENTION.matcher(t).replaceAll(m -> Matcher.quoteReplacement(words(m.group(1))));
        // a space before: tags are often glued to the sentence before them ("on camera.#IranUsa")
        t = HASHTAG.matcher(t).replaceAll(m -> Matcher.quoteReplacement(" " + words(m.group(1))));
        t = t.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n ?", "\n").strip();
        return t.isEmpty() ? text.strip() : t;
    }

    /** A handle or tag as words: "IranProtests" as "Iran Protests", "real_donald" as "real donald". */
    private static String words(String tag) {
        return CAMEL.matcher(tag.replace('_', ' ')).replaceAll(" ");
    }
}
