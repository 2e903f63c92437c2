package org.claimdesk.claim;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.claimdesk.attribution.Attributions;
import org.claimdesk.source.Source;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The claim form's fields as typed, so that a refused form comes back as the reviewer left it. An edit form also
 * carries the values it was opened with ({@code base}), so that an edit that crossed someone else's can be merged:
 * fields only one of them changed take that change, and only fields both changed differently are a conflict.
 */
public class ClaimForm {

    static final List<String> FIELDS = List.of("statement", "quote", "source", "articleId", "quoteStart", "quoteEnd",
            "claimDate", "tags", "assigneeId");
    private static final Map<String, String> LABELS = Map.of("statement", "statement", "quote", "quote", "source",
            "source", "articleId", "article", "quoteStart", "quote position", "quoteEnd", "quote position",
            "claimDate", "claim date", "tags", "tags", "assigneeId", "assignee");

    @RestForm
    public String statement = "";
    @RestForm
    public String quote = "";
    @RestForm
    public String source = "";
    @RestForm
    public String articleId = "";
    @RestForm
    public String quoteStart = "";
    @RestForm
    public String quoteEnd = "";
    @RestForm
    public String claimDate = "";
    @RestForm
    public String tags = "";
    @RestForm
    public String assigneeId = "";
    @RestForm
    public String version = "";
    /** The relays' names, one a line, nearest first (issue 19). */
    @RestForm
    public String relayedBy = "";
    @RestForm
    public String attributionKind = "";
    @RestForm
    public String recheckOn = "";
    /** The values the form was opened with, URL-encoded; only edit forms have them. */
    @RestForm
    public String base = "";

    static ClaimForm of(Claim claim) {
        ClaimForm form = new ClaimForm();
        form.statement = claim.statement;
        form.quote = claim.quote == null ? "" : claim.quote;
        form.source = claim.source.name;
        form.articleId = claim.article == null ? "" : claim.article.id.toString();
        form.quoteStart = claim.quoteStart == null ? "" : claim.quoteStart.toString();
        form.quoteEnd = claim.quoteEnd == null ? "" : claim.quoteEnd.toString();
        form.claimDate = claim.claimDate == null ? "" : claim.claimDate.toString();
        form.tags = String.join(", ", claim.tags);
        form.assigneeId = claim.assignee == null ? "" : claim.assignee.id.toString();
        form.version = Long.toString(claim.version);
        form.relayedBy = Attributions.relayLinesOf(claim.id);
        form.attributionKind = claim.attributionKind == null ? "" : claim.attributionKind.name();
        form.recheckOn = claim.recheckOn == null ? "" : claim.recheckOn.toString();
        form.base = form.encode();
        return form;
    }

    /**
     * Merges this edit, made from {@link #base}, over the claim as it is now: fields this edit left alone take the
     * current value, fields only this edit changed keep it. Returns the fields both changed to different values, as
     * people name them;
     * the form then holds this edit's value for them, and the current version and base, ready to submit again.
     */
    List<String> mergeOver(ClaimForm current) {
        Map<String, String> opened = decode(base);
        Map<String, String> mine = values();
        Map<String, String> theirs = current.values();
        List<String> conflicts = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String was = opened == null ? null : opened.get(field);
            if (was != null && same(field, mine.get(field), was)) {
                merged.put(field, theirs.get(field));
            } else {
                merged.put(field, mine.get(field));
                if (was == null ? !same(field, mine.get(field), theirs.get(field))
                        : !same(field, theirs.get(field), was) && !same(field, mine.get(field), theirs.get(field))) {
                    if (!conflicts.contains(LABELS.get(field))) {
                        conflicts.add(LABELS.get(field));
                    }
                }
            }
        }
        assign(merged);
        version = current.version;
        base = current.base;
        return conflicts;
    }

    ClaimInput toInput(FieldErrors errors) {
        Long sourceId = null;
        if (source == null || source.isBlank()) {
            errors.add("source", "Enter the source that made the claim: its name or an alias.");
        } else {
            try {
                sourceId = Source.resolve(source).id;
            } catch (ClientError unknown) {
                errors.add("source", unknown.getMessage());
            }
        }
        return new ClaimInput(statement, quote, sourceId, errors.id("articleId", "an article", articleId, false),
                errors.integer("quoteStart", "the start of the range", quoteStart, 0, Integer.MAX_VALUE),
                errors.integer("quoteEnd", "the end of the range", quoteEnd, 0, Integer.MAX_VALUE),
                errors.date("claimDate", "the claim date", claimDate), ClaimRules.splitTags(tags),
                errors.id("assigneeId", "an assignee", assigneeId, false));
    }

    Attributions.Input attribution() {
        return Attributions.Input.ofForm(relayedBy, attributionKind, recheckOn);
    }

    public boolean isArticle(Long id) {
        return articleId != null && articleId.equals(String.valueOf(id));
    }

    public boolean isAssignee(Long id) {
        return assigneeId != null && assigneeId.equals(String.valueOf(id));
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("statement", statement);
        values.put("quote", quote);
        values.put("source", source);
        values.put("articleId", articleId);
        values.put("quoteStart", quoteStart);
        values.put("quoteEnd", quoteEnd);
        values.put("claimDate", claimDate);
        values.put("tags", tags);
        values.put("assigneeId", assigneeId);
        values.replaceAll((k, v) -> v == null ? "" : v);
        return values;
    }

    private void assign(Map<String, String> values) {
        statement = values.get("statement");
        quote = values.get("quote");
        source = values.get("source");
        articleId = values.get("articleId");
        quoteStart = values.get("quoteStart");
        quoteEnd = values.get("quoteEnd");
        claimDate = values.get("claimDate");
        tags = values.get("tags");
        assigneeId = values.get("assigneeId");
    }

    /** Equal as the rules will store them: trimmed, tags in any spacing and case, source names in any case. */
    private static boolean same(String field, String a, String b) {
        return Objects.equals(normal(field, a), normal(field, b));
    }

    private static String normal(String field, String value) {
        String text = value == null ? "" : value.strip();
        return switch (field) {
            case "tags" -> ClaimRules.splitTags(text).stream().map(t -> t.strip().replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().collect(Collectors.joining(","));
            case "source" -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
    }

    private String encode() {
        return values().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The opened values, or null when the form carries none or they were tampered into nonsense. */
    private static Map<String, String> decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return values.keySet().containsAll(FIELDS) ? values : null;
    }
}
