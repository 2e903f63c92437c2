package org.claimdesk.review;

import java.util.List;
import java.util.Optional;

import org.claimdesk.system.Choices;

/** What a piece of evidence does for the claim. */
public enum Stance {
    supports("Supports"),
    refutes("Refutes"),
    context("Context");

    private final String label;

    Stance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Stance> parse(String value) {
        return Choices.parse(values(), value);
    }

    public static List<String> names() {
        return Choices.names(values());
    }
}
