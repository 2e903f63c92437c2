package org.claimdesk.article;

import org.claimdesk.article.extraction.ArticleCleaner;

/**
 * An article's text as it will be stored (line breaks as LF, control characters removed, blank space at either end
 * stripped: see {@link ArticleRules#normalizeBody}), with the way back from offsets in the text as it was sent, so
 * that ranges counted in a pasted text with CRLF breaks, a stray control character or a leading blank line still
 * point at the same words.
 */
public final class ArticleBody {

    private final String text;
    /** For each offset of the text as sent, where it falls in {@code text}; null when the two are the same. */
    private final int[] offsets;
    private final int invisibleRemoved;

    private ArticleBody(String text, int[] offsets, int invisibleRemoved) {
        this.text = text;
        this.offsets = offsets;
        this.invisibleRemoved = invisibleRemoved;
    }

    /**
     * The stored form of a text as sent: CRLF and CR breaks as LF, the characters {@link ArticleCleaner#dropsAt}
     * drops taken out, blank space at either end stripped.
     */
    public static ArticleBody of(String sent) {
        String raw = sent == null ? "" : sent;
        StringBuilder out = new StringBuilder(raw.length());
        int[] at = new int[raw.length() + 1];
        int invisible = 0;
        for (int i = 0; i < raw.length(); i++) {
            at[i] = out.length();
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 >= raw.length() || raw.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (ArticleCleaner.dropsAt(raw, i)) {
                invisible++;
            } else {
                out.append(c);
            }
        }
        at[raw.length()] = out.length();
        String clean = out.toString();
        String leading = clean.stripLeading();
        int lead = clean.length() - leading.length();
        String text = leading.stripTrailing();
        for (int i = 0; i < at.length; i++) {
            at[i] = Math.max(0, Math.min(text.length(), at[i] - lead));
        }
        return new ArticleBody(text, text.equals(raw) ? null : at, invisible);
    }

    public String text() {
        return text;
    }

    /** How many control or other invisible characters the stored text lacks. */
    public int invisibleRemoved() {
        return invisibleRemoved;
    }

    /** Where an offset of the text as sent falls in the stored text (clamped to it). */
    public int offset(int sentOffset) {
        if (offsets == null) {
            return Math.max(0, Math.min(text.length(), sentOffset));
        }
        return offsets[Math.max(0, Math.min(offsets.length - 1, sentOffset))];
    }
}
