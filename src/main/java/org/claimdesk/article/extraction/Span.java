package org.claimdesk.article.extraction;

/** A range of an article's clean text, start inclusive and end exclusive. */
public record Span(int start, int end) {

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public int overlap(Span other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }
}
