package org.claimdesk.attribution;

import java.util.List;
import java.util.Optional;

import org.claimdesk.system.Choices;

import io.quarkus.qute.TemplateEnum;

/** How the article attributes a claim. The snake_case names are the codes of the API and the database. */
@TemplateEnum
public enum AttributionKind {
    direct_quote("Direct quote"),
    paraphrase("Paraphrase"),
    anonymous_official("Anonymous official"),
    official_statement("Official statement"),
    state_media_report("State-media report");

    private final String label;

    AttributionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AttributionKind> parse(String value) {
        return Choices.parse(values(), value);
    }

    public static List<String> names() {
        return Choices.names(values());
    }
}
