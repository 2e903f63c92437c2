package org.claimdesk.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an account may do. Each role includes the ones below it: an admin is also a reviewer and a viewer. */
public enum Role {
    admin("Administrator", "Manages accounts and everything a reviewer does"),
    reviewer("Reviewer", "Adds sources, articles and claims and records verdicts"),
    viewer("Viewer", "Reads the desk; changes nothing");

    /** Role names for {@code @RolesAllowed}; keep in step with the enum constants. */
    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String VIEWER = "viewer";

    public final String label;
    public final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The security roles an account with this role holds. */
    public Set<String> grants() {
        return switch (this) {
            case admin -> Set.of(ADMIN, REVIEWER, VIEWER);
            case reviewer -> Set.of(REVIEWER, VIEWER);
            case viewer -> Set.of(VIEWER);
        };
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
