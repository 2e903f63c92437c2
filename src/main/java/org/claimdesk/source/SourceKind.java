package org.claimdesk.source;

import java.util.List;
import java.util.Optional;

import org.claimdesk.system.Choices;

/** What sort of body a source is; it decides how the source is described to readers and in ClaimReview. */
public enum SourceKind {
    state_media("State media"),
    government("Government"),
    intelligence_agency("Intelligence agency"),
    military("Military"),
    news_outlet("News outlet"),
    person("Person"),
    analysts("Analysts"),
    ngo("NGO"),
    company("Company"),
    other("Other");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SourceKind> parse(String value) {
        return Choices.parse(values(), value);
    }

    public static List<String> names() {
        return Choices.names(values());
    }
}
