package org.claimdesk.system;

/**
 * The one unit every range of the desk counts: UTF-16 code units, as Java and JavaScript index strings (an emoji
 * outside the BMP counts 2). A range may not cut such a character in two: its halves are not text, and PostgreSQL
 * could not store them.
 */
public final class TextRanges {

    /** What a refused range is told. */
    public static final String CUTS_CHARACTER = "The range cuts a character in two: ranges count UTF-16 units, and an "
            + "emoji or other character outside the BMP counts 2. Move its start or end by one.";

    private TextRanges() {
    }

    /** Whether {@code index} falls between the two halves of a surrogate pair of {@code text}. */
    public static boolean cutsCharacter(String text, int index) {
        return index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index));
    }

    /** Whether the range {@code start}–{@code end} cuts a character at either end. */
    public static boolean cutsCharacter(String text, int start, int end) {
        return cutsCharacter(text, start) || cutsCharacter(text, end);
    }
}
