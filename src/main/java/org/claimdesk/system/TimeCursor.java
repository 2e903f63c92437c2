package org.claimdesk.system;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a page of a list ordered by a time and an id ends, as it travels in page links: {@code <instant>_<id>}, or
 * {@code -infinity_<id>} for a row without a time (listed last). Anything else is refused with a 400.
 */
public record TimeCursor(Instant time, long id) {

    /** PostgreSQL's timestamps end in year 294276; page links never hold anything near that. */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String NONE = "-infinity";

    public static TimeCursor parse(String text) {
        int bar = text.lastIndexOf('_');
        try {
            String key = text.substring(0, bar);
            Instant time = key.equals(NONE) ? null : Instant.parse(key);
            long id = Long.parseLong(text.substring(bar + 1));
            if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
                throw new DateTimeParseException("out of range", key, 0);
            }
            return new TimeCursor(time, id);
        } catch (RuntimeException e) {
            throw ClientError.badRequest("The page link is damaged; go back to the first page of the list.");
        }
    }

    /** The time as PostgreSQL reads it, with -infinity for none. */
    public String sqlTime() {
        return time == null ? NONE : time.toString();
    }

    @Override
    public String toString() {
        return sqlTime() + "_" + id;
    }
}
