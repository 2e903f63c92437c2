package org.claimdesk.claim;

import java.util.List;
import java.util.Optional;

import org.claimdesk.system.Choices;

import io.quarkus.qute.TemplateEnum;

/** Where a claim stands. The lower-case names are the words of the API and the database. */
@TemplateEnum
public enum ClaimStatus {
    verified("Verified", "✓"),
    disputed("Disputed", "✗"),
    unverified("Unverified", "?");

    private final String label;
    private final String icon;

    ClaimStatus(String label, String icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    /** Shown beside the word, so that status never rests on colour alone. */
    public String icon() {
        return icon;
    }

    /** Verified and disputed need a rationale; going back to unverified does not. */
    public boolean needsRationale() {
        return this != unverified;
    }

    public static Optional<ClaimStatus> parse(String value) {
        return Choices.parse(values(), value);
    }

    public static List<String> names() {
        return Choices.names(values());
    }
}
