package org.claimdesk.match;

import org.claimdesk.system.FieldErrors;

/**
 * What "Checked before?" accepts, for the page and the API alike: any pasted text up to {@link #MAX_TEXT} characters
 * (a post, a paragraph; only the first 1,500 characters shape its meaning) and a limit of 1 to 50.
 */
public record MatchQuery(String text, int limit) {

    public static final int MAX_TEXT = 20_000;
    public static final int DEFAULT_LIMIT = 10;

    /** The checked query; errors are added to {@code errors} and thrown by the caller. */
    public static MatchQuery of(String text, Integer limit, FieldErrors errors) {
        // control characters never get this far: system.UnreadableText refuses them with a 400 naming the field
        String cleaned = text == null ? "" : text.strip();
        // a text of nothing but format characters (direction marks, zero-width joiners) holds nothing to look for
        if (cleaned.isEmpty() || cleaned.codePoints().allMatch(c -> Character.getType(c) == Character.FORMAT
                || Character.isWhitespace(c))) {
            errors.add("text", "Enter the text to look for: a claim, a post or a paragraph.");
        } else if (cleaned.length() > MAX_TEXT) {
            errors.add("text", "The text is too long: at most " + MAX_TEXT + " characters, not " + cleaned.length()
                    + ". Paste the passage that makes the claim.");
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > ClaimMatcher.MAX_LIMIT) {
            errors.add("limit", "The limit must be between 1 and " + ClaimMatcher.MAX_LIMIT + ", not " + n + ".");
        }
        return new MatchQuery(cleaned, n);
    }
}
