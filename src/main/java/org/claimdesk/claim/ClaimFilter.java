package org.claimdesk.claim;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.claimdesk.attribution.AttributionStatus;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Routes;

/**
 * The claims list's filters, as they appear in the query string, so that a filtered list can be bookmarked and shared.
 * The same parameters filter the pages and the API.
 */
public record ClaimFilter(ClaimStatus status, Long sourceId, SourceKind kind, String tag, Long articleId,
        Long assigneeId, LocalDate from, LocalDate to, String q, Sort sort, Priority priority,
        AttributionStatus attribution) {

    /** A filter without a priority or attribution status, as the list was before triage and attribution had them. */
    public ClaimFilter(ClaimStatus status, Long sourceId, SourceKind kind, String tag, Long articleId, Long assigneeId,
            LocalDate from, LocalDate to, String q, Sort sort) {
        this(status, sourceId, kind, tag, articleId, assigneeId, from, to, q, sort, null, null);
    }

    /** The orders the list offers; each has a keyset, so deep pages cost what the first does. */
    public enum Sort {
        newest("Newest first"), oldest("Oldest first"), decided("Latest decision"),
        /** High priority first, then normal, then low; newest first within each. */
        priority("Priority, then newest");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final int MAX_QUERY = 500;

    public static ClaimFilter none() {
        return new ClaimFilter(null, null, null, null, null, null, null, null, null, Sort.newest, null, null);
    }

    /** Reads the filters; anything malformed is refused with a 400 that names the parameter. */
    public static ClaimFilter parse(MultivaluedMap<String, String> params) {
        FieldErrors errors = new FieldErrors();
        String statusText = blankToNull(params.getFirst("status"));
        ClaimStatus status = statusText == null ? null : ClaimStatus.parse(statusText).orElse(null);
        if (statusText != null && status == null) {
            errors.add("status", "Filter by a status: " + String.join(", ", ClaimStatus.names()) + ".");
        }
        String kindText = blankToNull(params.getFirst("kind"));
        SourceKind kind = kindText == null ? null : SourceKind.parse(kindText).orElse(null);
        if (kindText != null && kind == null) {
            errors.add("kind", "Filter by a source kind: " + String.join(", ", SourceKind.names()) + ".");
        }
        String sortText = blankToNull(params.getFirst("sort"));
        Sort sort = Sort.newest;
        if (sortText != null) {
            try {
                sort = Sort.valueOf(sortText);
            } catch (IllegalArgumentException e) {
                errors.add("sort", "Sort by newest, oldest, decided or priority.");
            }
        }
        String attributionText = blankToNull(params.getFirst("attribution"));
        AttributionStatus attribution = attributionText == null ? null
                : AttributionStatus.parse(attributionText).orElse(null);
        if (attributionText != null && attribution == null) {
            errors.add("attribution", "Filter by an attribution status: " + String.join(", ", AttributionStatus.names())
                    + ".");
        }
        ClaimFilter filter = new ClaimFilter(status,
                errors.id("sourceId", "a source", params.getFirst("sourceId"), false), kind,
                lower(errors.text("tag", "the tag", params.getFirst("tag"), ClaimRules.MAX_TAG, false)),
                errors.id("articleId", "an article", params.getFirst("articleId"), false),
                errors.id("assigneeId", "an assignee", params.getFirst("assigneeId"), false),
                errors.date("from", "the first date", params.getFirst("from")),
                errors.date("to", "the last date", params.getFirst("to")),
                errors.text("q", "the search", params.getFirst("q"), MAX_QUERY, false), sort,
                priority(params.getFirst("priority"), errors), attribution);
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            errors.add("to", "The last date (" + filter.to() + ") comes before the first one (" + filter.from() + ").");
        }
        errors.throwIfAny();
        return filter;
    }

    public boolean isSearch() {
        return q != null;
    }

    /** True when anything but the order narrows the list. */
    public boolean isNarrowed() {
        return status != null || sourceId != null || kind != null || tag != null || articleId != null
                || assigneeId != null || from != null || to != null || q != null || priority != null
                || attribution != null;
    }

    public ClaimFilter withStatus(ClaimStatus newStatus) {
        return new ClaimFilter(newStatus, sourceId, kind, tag, articleId, assigneeId, from, to, q, sort, priority,
                attribution);
    }

    public ClaimFilter withSource(Long newSourceId) {
        return new ClaimFilter(status, newSourceId, kind, tag, articleId, assigneeId, from, to, q, sort, priority,
                attribution);
    }

    public ClaimFilter withSort(Sort newSort) {
        return new ClaimFilter(status, sourceId, kind, tag, articleId, assigneeId, from, to, q, newSort, priority,
                attribution);
    }

    /** The parameters that differ from no filter, in a stable order. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "status", status == null ? null : status.name());
        put(params, "sourceId", sourceId);
        put(params, "kind", kind == null ? null : kind.name());
        put(params, "tag", tag);
        put(params, "articleId", articleId);
        put(params, "assigneeId", assigneeId);
        put(params, "from", from);
        put(params, "to", to);
        put(params, "sort", sort == Sort.newest ? null : sort.name());
        put(params, "priority", priority == null ? null : priority.name());
        put(params, "attribution", attribution == null ? null : attribution.name());
        return params;
    }

    /** The claims list showing this filter from its first page. */
    public String url() {
        return url(Map.of());
    }

    /** The claims list showing this filter, with {@code extra} parameters such as a page cursor. */
    public String url(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(params());
        all.putAll(extra);
        return Routes.withQuery(Routes.claims(), all);
    }

    /** Every claim of this filter as a CSV file. */
    public String csvUrl() {
        return Routes.withQuery(Routes.claimsCsv(), params());
    }

    public String statusUrl(ClaimStatus newStatus) {
        return withStatus(newStatus).url();
    }

    public String anyStatusUrl() {
        return withStatus(null).url();
    }

    public String afterUrl(String cursor) {
        return url(Map.of("after", cursor));
    }

    public String beforeUrl(String cursor) {
        return url(Map.of("before", cursor));
    }

    /** This filter without one of its parameters, for the "remove" link of an active filter. */
    public String urlWithout(String name) {
        Map<String, String> params = new LinkedHashMap<>(params());
        params.remove(name);
        return none().url(params);
    }

    private static Priority priority(String text, FieldErrors errors) {
        String value = blankToNull(text);
        Priority priority = value == null ? null : Priority.parse(value).orElse(null);
        if (value != null && priority == null) {
            errors.add("priority", "Filter by a priority: " + String.join(", ", Priority.names()) + ".");
        }
        return priority;
    }

    private static void put(Map<String, String> params, String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
