package org.claimdesk.claim;

import java.util.List;
import java.util.Optional;

import org.claimdesk.system.Choices;

import io.quarkus.qute.TemplateEnum;

/** How urgently a claim should be checked, set at triage. It orders "My queue"; the names are the API's words. */
@TemplateEnum
public enum Priority {
    high("High", 0), normal("Normal", 1), low("Low", 2);

    private final String label;
    private final int rank;

    Priority(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** 0 for the most urgent. */
    public int rank() {
        return rank;
    }

    public static Optional<Priority> parse(String value) {
        return Choices.parse(values(), value);
    }

    public static List<String> names() {
        return Choices.names(values());
    }
}
