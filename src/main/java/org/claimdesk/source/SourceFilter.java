package org.claimdesk.source;

import java.util.LinkedHashMap;
import java.util.Map;

import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Routes;

/**
 * The sources list's search and filters, as query-string parameters so that a filtered list can be bookmarked. The
 * same parameters filter the page and the API.
 */
public record SourceFilter(String q, SourceKind kind, String country) {

    public static final int MAX_QUERY = 200;

    /** Reads the parameters; anything malformed is refused with a 400 that names it. */
    public static SourceFilter parse(String q, String kind, String country) {
        FieldErrors errors = new FieldErrors();
        String search = errors.text("q", "the search", q, MAX_QUERY, false);
        String kindText = kind == null ? "" : kind.strip();
        SourceKind parsedKind = kindText.isEmpty() ? null : SourceKind.parse(kindText).orElse(null);
        if (!kindText.isEmpty() && parsedKind == null) {
            errors.add("kind", "Filter by a kind: " + String.join(", ", SourceKind.names()) + ".");
        }
        String code = SourceRules.country(errors, "country", country);
        errors.throwIfAny();
        return new SourceFilter(search, parsedKind, code);
    }

    public boolean isNarrowed() {
        return q != null || kind != null || country != null;
    }

    /** The list's first page with this filter. */
    public String url() {
        return url(Map.of());
    }

    /** The page that starts after ({@code "after"}) or ends before ({@code "before"}) the source named {@code name}. */
    public String pageUrl(String direction, String name) {
        return url(Map.of(direction, name));
    }

    /** The sources list with this filter and {@code extra} parameters, such as where a page starts. */
    public String url(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        if (q != null) {
            params.put("q", q);
        }
        if (kind != null) {
            params.put("kind", kind.name());
        }
        if (country != null) {
            params.put("country", country);
        }
        params.putAll(extra);
        return Routes.withQuery(Routes.sources(), params);
    }
}
