package org.claimdesk.claim;

import io.quarkus.qute.RawString;

/**
 * Search matches marked up for display. PostgreSQL's ts_headline marks matches with control characters, which no
 * stored text can hold (the rules refuse them); everything else is escaped here before the marks become
 * {@code <mark>} elements, so the result is safe to print raw.
 */
public final class Highlight {

    /** The markers ts_headline is asked to put around matches. */
    static final String OPTIONS = "'StartSel=' || chr(1) || ', StopSel=' || chr(2)";
    private static final char START = '\u0001';
    private static final char STOP = '\u0002';

    private Highlight() {
    }

    public static RawString of(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        html.append(c);
                    }
                }
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return new RawString(html.toString());
    }
}
