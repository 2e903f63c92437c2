package org.claimdesk.attribution;

import java.util.List;
import java.util.Optional;

import org.claimdesk.system.Choices;

import io.quarkus.qute.TemplateEnum;

/**
 * Whether the source really said it, apart from whether it is true. The lower-case names are the words of the API and
 * the database.
 */
@TemplateEnum
public enum AttributionStatus {
    unconfirmed("Attribution unconfirmed", "?"),
    confirmed("Attribution confirmed", "✓"),
    misattributed("Misattributed", "⚠");

    private final String label;
    private final String icon;

    AttributionStatus(String label, String icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }

    public static Optional<AttributionStatus> parse(String value) {
        return Choices.parse(values(), value);
    }

    public static List<String> names() {
        return Choices.names(values());
    }
}
