package org.claimdesk.publish;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.claimdesk.system.Choices;

/** What a column of an imported table holds. */
public enum ImportField {
    statement("Statement", "statement claim text"),
    source("Source (speaker)", "source speaker claimant author"),
    rating("Rating label (mapped to a status)", "status rating label verdict"),
    claimDate("Claim date", "claim_date date claimdate"),
    tags("Tags (comma-separated)", "tags tag subjects subject topics"),
    quote("Quote", "quote"),
    sourceKind("Source kind (for new sources)", "source_kind sourcekind kind");

    private final String label;
    private final List<String> headers;

    ImportField(String label, String headers) {
        this.label = label;
        this.headers = List.of(headers.split(" "));
    }

    public String label() {
        return label;
    }

    /** The field a header names ("speaker", "claim_date", "Status"), if any. */
    static Optional<ImportField> forHeader(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        for (ImportField field : values()) {
            if (field.headers.contains(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    public static Optional<ImportField> parse(String value) {
        return Choices.parse(values(), value);
    }
}
