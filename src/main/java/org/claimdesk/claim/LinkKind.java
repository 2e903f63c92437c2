package org.claimdesk.claim;

import java.util.Optional;

import org.claimdesk.system.Choices;

/** How a reviewer judged two claims to relate. */
public enum LinkKind {
    same_claim("Same claim", "corroborates"),
    contradicts("Contradicts", "contradicts");

    private final String label;
    private final String verb;

    LinkKind(String label, String verb) {
        this.label = label;
        this.verb = verb;
    }

    public String label() {
        return label;
    }

    public String verb() {
        return verb;
    }

    public static Optional<LinkKind> parse(String value) {
        return Choices.parse(values(), value);
    }
}
