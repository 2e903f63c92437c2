package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The quotations of a text, each from its opening mark to just after its closing mark, found paragraph by paragraph
 * (an unclosed quote ends with its paragraph, as news writing reopens it in the next). A quote may run over several
 * sentences; a cue inside one is the quoted speaker's, not the article's.
 */
final class Quotes {

    private final List<Span> spans;

    private Quotes(List<Span> spans) {
        this.spans = spans;
    }

    static Quotes of(String text) {
        List<Span> spans = new ArrayList<>();
        int open = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (open >= 0) {
                    spans.add(new Span(open, i));
                    open = -1;
                }
                continue;
            }
            boolean doubled = c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'';
            boolean straight = c == '"' || doubled;
            if (c == '“' || c == '«' || straight && open < 0) {
                if (open < 0) {
                    open = i;
                }
            } else if ((c == '”' || c == '»' || straight) && open >= 0) {
                int end = i + (doubled ? 2 : 1);
                spans.add(new Span(open, end));
                open = -1;
            }
            if (doubled) {
                i++;
            }
        }
        if (open >= 0) {
            spans.add(new Span(open, n));
        }
        return new Quotes(spans);
    }

    /** The quote that holds {@code offset}, marks included, or null. */
    Span at(int offset) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = spans.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** Whether {@code offset} lies between a quote's marks. */
    boolean inside(int offset) {
        Span s = at(offset);
        return s != null && offset > s.start() && offset < s.end() - 1;
    }
}
