package org.claimdesk.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects what is wrong with each field of a form or request, so that one answer names every problem at once. */
public final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(ClientError.fieldError(field, message));
        return this;
    }

    /**
     * Checks a text field and returns it stripped, or null when empty. Text must fit {@code max} characters and hold
     * no control characters other than tab and line breaks (PostgreSQL cannot store NUL at all).
     */
    public String text(String field, String label, String value, int max, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            if (required) {
                add(field, "Enter " + label + ".");
            }
            return null;
        }
        if (stripped.length() > max) {
            add(field, capitalize(label) + " is too long: at most " + max + " characters, not " + stripped.length() + ".");
        } else if (!printable(stripped)) {
            add(field, capitalize(label) + " contains control characters; remove them and try again.");
        }
        return stripped;
    }

    /** Checks an optional web address: http or https, with a host, no spaces. Returns it stripped, or null. */
    public String url(String field, String label, String value, boolean required) {
        String url = text(field, label, value, 2000, required);
        if (url == null || has(field)) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                add(field, capitalize(label) + " must be a web address starting with http:// or https://.");
            }
        } catch (URISyntaxException e) {
            add(field, capitalize(label) + " is not a valid web address (" + e.getReason() + ").");
        }
        return url;
    }

    /** Reads a form's choice of a record (a select or a hidden input). Returns null when empty or not a number. */
    public Long id(String field, String label, String value, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                add(field, "Choose " + label + ".");
            }
            return null;
        }
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(field, "Choose " + label + " from the list.");
        return null;
    }

    /** Reads the version a form was opened on; null (with an error) when missing or malformed. */
    public Long version(String value) {
        String text = value == null ? "" : value.strip();
        if (text.matches("\\d{1,18}")) {
            return Long.valueOf(text);
        }
        add("version", "The form lacks the version of the record it was opened on. Reload the page and try again.");
        return null;
    }

    /** Reads a whole number in [min, max]; null when empty. */
    public Integer integer(String field, String label, String value, int min, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(field, capitalize(label) + " must be a whole number from " + min + " to " + max + ".");
        return null;
    }

    /** Reads a date as a date input sends it (YYYY-MM-DD); null when empty. */
    public LocalDate date(String field, String label, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        add(field, capitalize(label) + " must be a date written as YYYY-MM-DD.");
        return null;
    }

    /** True when the text has no control characters (tab, CR and LF allowed) and no lone surrogates. */
    public static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String capitalize(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.get("field").equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Refuses the request with a 400 naming every field, if any is wrong. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ClientError.invalid(List.copyOf(errors));
        }
    }
}
