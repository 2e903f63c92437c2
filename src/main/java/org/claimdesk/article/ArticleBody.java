package org.claimdesk.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An article's text as it will be stored (line breaks as LF, blank space at either end stripped: see
 * {@link ArticleRules#normalizeBody}), with the way back from offsets in the text as it was sent, so that ranges
 * counted in a pasted text with CRLF breaks or a leading blank line still point at the same words.
 */
public final class ArticleBody {

    private final String text;
    private final int lead;
    private final int[] crlf;

    private ArticleBody(String text, int lead, int[] crlf) {
        this.text = text;
        this.lead = lead;
        this.crlf = crlf;
    }

    public static ArticleBody of(String sent) {
        String raw = sent == null ? "" : sent;
        List<Integer> breaks = new ArrayList<>();
        for (int i = raw.indexOf("\r\n"); i >= 0; i = raw.indexOf("\r\n", i + 2)) {
            breaks.add(i);
        }
        String lf = ArticleRules.normalizeBody(raw);
        String leading = lf.stripLeading();
        return new ArticleBody(leading.stripTrailing(), lf.length() - leading.length(),
                breaks.stream().mapToInt(Integer::intValue).toArray());
    }

    public String text() {
        return text;
    }

    /** Where an offset of the text as sent falls in the stored text (clamped to it). */
    public int offset(int sentOffset) {
        int removedBreaks = Arrays.binarySearch(crlf, sentOffset);
        removedBreaks = removedBreaks >= 0 ? removedBreaks : -removedBreaks - 1;
        return Math.max(0, Math.min(text.length(), sentOffset - removedBreaks - lead));
    }

    /** True when the stored text is the text as sent, so offsets need no translation. */
    public boolean unchanged() {
        return lead == 0 && crlf.length == 0;
    }
}
