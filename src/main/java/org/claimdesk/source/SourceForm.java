package org.claimdesk.source;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The source form's fields as typed, so that a refused form comes back with them. Aliases are one per line; the
 * version is the one the form was opened on (none when creating).
 */
public record SourceForm(@RestForm Long version, @RestForm String name, @RestForm String kind,
        @RestForm String country, @RestForm String aliases, @RestForm String description, @RestForm String website) {

    public static SourceForm empty() {
        return new SourceForm(null, "", "", "", "", "", "");
    }

    public static SourceForm of(Source source) {
        return new SourceForm(source.version, source.name, source.kind.name(), source.country,
                String.join("\n", source.aliases), source.description, source.website);
    }

    /** The same input, to be submitted again over {@code current}: after a conflict, the user's words stay. */
    public SourceForm over(Source current) {
        return new SourceForm(current.version, name, kind, country, aliases, description, website);
    }

    public SourceInput input() {
        List<String> lines = aliases == null ? List.of() : aliases.lines().toList();
        return new SourceInput(name, kind, country, lines, description, website);
    }
}
