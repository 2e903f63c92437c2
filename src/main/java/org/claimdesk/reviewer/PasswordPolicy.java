package org.claimdesk.reviewer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules every new password must pass: at least 12 characters, not a well-known leaked password,
 * not a common word padded with digits, and not the username.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads no further than 72 bytes; a longer password would be cut without anyone knowing. */
    public static final int MAX_BYTES = 72;

    /** Words that, padded with digits or symbols to 12 characters, top every leaked-password list. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "password", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwertyuiop", "welcome", "letmein",
            "admin", "administrator", "iloveyou", "football", "baseball", "monkey", "dragon", "master",
            "sunshine", "princess", "superman", "starwars", "secret", "changeme", "trustno", "default",
            "claimdesk", "reviewer", "viewer", "login", "abc", "abcdef", "qwe", "asdf", "zxcvbnm");

    private static final Set<String> COMMON_PASSWORDS = load();

    private PasswordPolicy() {
    }

    /** Why this password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.isBlank()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("The password must be at most " + MAX_BYTES + " bytes long: 72 plain letters, "
                    + "fewer with accents, or 24 Korean characters.");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("The password must not contain control characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(lower)) {
            return Optional.of("This password is one of the most common ones. Choose another.");
        }
        String letters = lower.replaceAll("[^\\p{L}@]", "");
        if (COMMON_WORDS.contains(letters) || lower.chars().distinct().count() <= 3) {
            return Optional.of("This password is too easy to guess: a common word with digits or symbols. Choose another.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
