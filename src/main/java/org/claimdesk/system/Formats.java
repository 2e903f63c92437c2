package org.claimdesk.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How dates read on the desk: unambiguous for an international newsroom, always in UTC. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
            .ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The machine-readable form for {@code <time datetime>} and date inputs. */
    static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
