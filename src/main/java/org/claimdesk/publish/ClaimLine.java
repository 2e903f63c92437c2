package org.claimdesk.publish;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;

/**
 * One line of an imported table, checked against the rules of a claim: a statement and a source, a known rating, a
 * date, tags. A rating maps to a status through the rating mapping; a line with a rating the mapping does not know is
 * refused (rather than imported as unverified), so that a misspelt or new label is noticed and mapped first. An
 * empty rating cell means unverified.
 */
public record ClaimLine(int line, String statement, String source, String sourceAlias, SourceKind kind,
        ClaimStatus status, String rating, LocalDate claimDate, List<String> tags, String quote) {

    static final int MAX_SOURCE = 200;
    static final int MAX_RATING = 200;

    /** Speaker names written as LIAR writes them, "barack-obama": lower-case words joined by hyphens. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    /** A line that cannot be imported, and why. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The key that finds the same claim again: its source's name, any case, and its exact statement. */
    String key() {
        return source.toLowerCase(Locale.ROOT) + "\u0000" + statement;
    }

    boolean isDecided() {
        return status != ClaimStatus.unverified;
    }

    static ClaimLine parse(TableFile.Record record, ColumnMapping mapping, Map<String, ClaimStatus> ratings,
            SourceKind defaultKind) throws Refused {
        if (record.malformed() != null) {
            throw new Refused("The line is not valid CSV: " + record.malformed() + ".");
        }
        int needed = Math.max(mapping.column(ImportField.statement), mapping.column(ImportField.source)) + 1;
        if (record.cells().size() < needed) {
            throw new Refused("The line has " + record.cells().size() + " field" + (record.cells().size() == 1 ? ""
                    : "s") + "; the statement and the source need " + needed + ".");
        }
        FieldErrors errors = new FieldErrors();
        String statement = errors.text("statement", "the statement", cell(record, mapping, ImportField.statement),
                ClaimRules.MAX_STATEMENT, true);
        String speaker = errors.text("source", "the source", cell(record, mapping, ImportField.source), MAX_SOURCE,
                true);
        String quote = errors.text("quote", "the quote", cell(record, mapping, ImportField.quote),
                ClaimRules.MAX_QUOTE, false);
        String rating = errors.text("rating", "the rating", cell(record, mapping, ImportField.rating), MAX_RATING,
                false);
        ClaimStatus status = ClaimStatus.unverified;
        if (rating != null && !errors.has("rating")) {
            status = statusOf(rating, ratings);
            if (status == null) {
                errors.add("rating", "The rating \"" + rating + "\" is not in the rating mapping; add it there, or "
                        + "correct the line.");
            }
        }
        LocalDate claimDate = date(cell(record, mapping, ImportField.claimDate), errors);
        String tagText = cell(record, mapping, ImportField.tags);
        List<String> tags = tagText == null ? List.of()
                : ClaimRules.tags(Arrays.asList(tagText.split(",")), errors);
        SourceKind kind = defaultKind;
        String kindText = cell(record, mapping, ImportField.sourceKind);
        if (kindText != null && !kindText.isBlank()) {
            kind = SourceKind.parse(kindText.strip().toLowerCase(Locale.ROOT).replace(' ', '_')).orElse(null);
            if (kind == null) {
                errors.add("sourceKind", "The source kind \"" + kindText.strip() + "\" is not one of "
                        + String.join(", ", SourceKind.names()) + ".");
            }
        }
        try {
            errors.throwIfAny();
        } catch (ClientError invalid) {
            throw new Refused(invalid.getMessage());
        }
        String source = speaker;
        String alias = null;
        if (SLUG.matcher(speaker).matches()) {
            source = humanize(speaker);
            alias = source.equalsIgnoreCase(speaker) ? null : speaker;
        }
        return new ClaimLine(record.line(), statement, source, alias, kind, status, rating, claimDate, tags, quote);
    }

    /** The status a rating maps to; "mostly-true" is also looked up as "mostly true". Null when unknown. */
    static ClaimStatus statusOf(String rating, Map<String, ClaimStatus> ratings) {
        String label = RatingMapping.normalize(rating);
        ClaimStatus status = ratings.get(label);
        return status != null ? status : ratings.get(label.replace('-', ' ').replace('_', ' '));
    }

    /** "barack-obama" as a name: "Barack Obama". */
    static String humanize(String slug) {
        StringBuilder name = new StringBuilder();
        for (String word : slug.split("-")) {
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static LocalDate date(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (!ISO_DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not ISO", value, 0);
            }
            LocalDate date = LocalDate.parse(value.substring(0, 10));
            if (date.isBefore(ClaimRules.EARLIEST) || date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                errors.add("claimDate", "The claim date " + value + " must lie between " + ClaimRules.EARLIEST
                        + " and today.");
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add("claimDate", "The claim date \"" + value + "\" is not a date like 2024-10-18.");
            return null;
        }
    }

    private static String cell(TableFile.Record record, ColumnMapping mapping, ImportField field) {
        int column = mapping.column(field);
        return column < 0 || column >= record.cells().size() ? null : record.cells().get(column);
    }
}
