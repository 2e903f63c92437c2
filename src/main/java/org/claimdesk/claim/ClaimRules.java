package org.claimdesk.claim;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.claimdesk.article.Article;
import org.claimdesk.match.ClaimVectors;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.claimdesk.system.Stale;

/**
 * What a claim must be, shared by the pages and the API: a statement and a source, an optional article with the
 * quote's range in its text, sensible dates and tags, and an assignee who can review. Edits start from the version the
 * reviewer saw and are recorded field by field.
 */
@ApplicationScoped
public class ClaimRules {

    public static final int MAX_STATEMENT = 4000;
    public static final int MAX_QUOTE = 10_000;
    public static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    @Inject
    CurrentReviewer me;

    @Inject
    ClaimVectors vectors;

    @Transactional
    public Claim create(ClaimInput input, FieldErrors errors) {
        Claim claim = new Claim();
        apply(claim, input, errors);
        claim.touchedBy(me.get());
        claim.persist();
        vectors.store(claim.id, claim.statement);
        return claim;
    }

    /** Applies an edit made from {@code version}; records what changed, or does nothing when nothing did. */
    @Transactional
    public Claim update(long id, ClaimInput input, Long version, FieldErrors errors) {
        Claim claim = find(id);
        if (version == null) {
            throw ClientError.badRequest("The form lacks the version of the claim it was opened on. Reload the page.");
        }
        if (claim.version != version) {
            throw staleEdit(claim);
        }
        List<ClaimEdit.Change> before = describe(claim);
        String statementBefore = claim.statement;
        apply(claim, input, errors);
        List<ClaimEdit.Change> changes = changes(before, describe(claim));
        if (changes.isEmpty()) {
            return claim;
        }
        claim.touchedBy(me.get());
        ClaimEdit edit = new ClaimEdit();
        edit.claim = claim;
        edit.reviewer = me.get();
        edit.changes = changes;
        edit.claimVersion = claim.version;
        edit.persist();
        if (!claim.statement.equals(statementBefore)) {
            vectors.store(claim.id, claim.statement);
        }
        Stale.flush(() -> staleEdit(claim));
        return claim;
    }

    public static Claim find(long id) {
        return Claim.<Claim> findByIdOptional(id)
                .orElseThrow(() -> ClientError.notFound("There is no claim with id " + id + "."));
    }

    private void apply(Claim claim, ClaimInput input, FieldErrors errors) {
        String statement = errors.text("statement", "the statement", input.statement(), MAX_STATEMENT, true);
        String quote = errors.text("quote", "the quote", input.quote(), MAX_QUOTE, false);
        // share-locked, so that a merge cannot delete the source before this claim is stored
        Source source = input.sourceId() == null ? null
                : Source.<Source> findByIdOptional(input.sourceId(), LockModeType.PESSIMISTIC_READ).orElse(null);
        if (source == null && !errors.has("sourceId")) {
            errors.add("sourceId", input.sourceId() == null ? "Choose the source that made the claim."
                    : "There is no source with id " + input.sourceId() + ".");
        }
        // a share lock, so that the article's text cannot change under the quote's range until this claim is stored
        Article article = input.articleId() == null ? null
                : Article.<Article> findByIdOptional(input.articleId(), LockModeType.PESSIMISTIC_READ).orElse(null);
        if (input.articleId() != null && article == null) {
            errors.add("articleId", "There is no article with id " + input.articleId() + ".");
        }
        Range range = range(article, quote, input.quoteStart(), input.quoteEnd(), errors, claim);
        LocalDate claimDate = input.claimDate();
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (claimDate != null && claimDate.isBefore(EARLIEST)) {
            errors.add("claimDate", "The claim date must be after " + EARLIEST + ".");
        } else if (claimDate != null && claimDate.isAfter(latest)) {
            errors.add("claimDate", "The claim date must not be in the future.");
        }
        List<String> tags = tags(input.tags(), errors);
        Reviewer assignee = input.assigneeId() == null ? null : Reviewer.findById(input.assigneeId());
        boolean unchanged = assignee != null && claim.assignee != null && claim.assignee.id.equals(assignee.id);
        if (input.assigneeId() != null && !unchanged
                && (assignee == null || !assignee.active || !assignee.access().grants().contains(Role.REVIEWER))) {
            errors.add("assigneeId", "Assign the claim to an active reviewer or administrator.");
        }
        errors.throwIfAny();
        claim.statement = statement;
        claim.quote = range != null ? range.text : quote;
        claim.source = source;
        claim.article = article;
        claim.quoteStart = range == null ? null : range.start;
        claim.quoteEnd = range == null ? null : range.end;
        claim.claimDate = claimDate;
        claim.tags = tags;
        claim.assignee = assignee;
    }

    private record Range(int start, int end, String text) {
    }

    /**
     * The quote's place in the article. Given a range, it must lie inside the text and, with a quote, match it; given
     * only a quote, or a quote changed while the range was left as it was, the place it appears is found (see
     * {@link QuoteLocator}); given only a range, the quote is read from the text. The stored quote is always the
     * article's own words.
     */
    private static Range range(Article article, String quote, Integer start, Integer end, FieldErrors errors,
            Claim current) {
        boolean rangeUntouched = current.article != null && article != null && current.article.id.equals(article.id)
                && Objects.equals(start, current.quoteStart) && Objects.equals(end, current.quoteEnd)
                && !Objects.equals(quote, current.quote);
        if ((start == null && end == null) || (rangeUntouched && quote != null)) {
            if (article == null || quote == null) {
                return null;
            }
            QuoteLocator.Found found = QuoteLocator.find(article.body, quote);
            if (found == null) {
                errors.add("quote", "The quote does not appear in the article's text. Copy it exactly as printed, "
                        + "give its position, or leave the article out.");
                return null;
            }
            return new Range(found.start(), found.end(), article.body.substring(found.start(), found.end()));
        }
        if (start == null || end == null) {
            errors.add("quoteStart", "Give both the start and the end of the quote's range, or neither.");
            return null;
        }
        if (article == null) {
            errors.add("quoteStart", "A range points into an article's text; choose the article first.");
            return null;
        }
        if (start < 0 || end <= start || end > article.body.length()) {
            errors.add("quoteStart", "The range must satisfy 0 ≤ start < end ≤ " + article.body.length()
                    + " (the length of the article's text).");
            return null;
        }
        if (org.claimdesk.system.TextRanges.cutsCharacter(article.body, start, end)) {
            errors.add("quoteStart", org.claimdesk.system.TextRanges.CUTS_CHARACTER);
            return null;
        }
        String text = article.body.substring(start, end);
        if (quote != null && !quote.equals(text.strip())) {
            errors.add("quote", "The quote does not match the article's text at " + start + "–" + end + ", which reads \""
                    + abbreviate(text) + "\". Clear the position to have it found.");
            return null;
        }
        return new Range(start, end, text);
    }

    public static List<String> tags(List<String> raw, FieldErrors errors) {
        if (raw == null) {
            return new ArrayList<>();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            String tag = value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_TAG || !FieldErrors.printable(tag) || tag.contains(",")) {
                errors.add("tags", "A tag is at most " + MAX_TAG + " characters, without commas or control "
                        + "characters.");
                return List.of();
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            errors.add("tags", "Use at most " + MAX_TAGS + " tags.");
        }
        return new ArrayList<>(tags);
    }

    /** Splits the form's comma-separated tags. */
    public static List<String> splitTags(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }

    private static List<ClaimEdit.Change> describe(Claim claim) {
        return List.of(
                new ClaimEdit.Change("statement", null, claim.statement),
                new ClaimEdit.Change("quote", null, claim.quote),
                new ClaimEdit.Change("source", null, claim.source == null ? null : claim.source.name),
                new ClaimEdit.Change("article", null, claim.article == null ? null : claim.article.title),
                new ClaimEdit.Change("range", null,
                        claim.quoteStart == null ? null : claim.quoteStart + "–" + claim.quoteEnd),
                new ClaimEdit.Change("claim date", null, claim.claimDate == null ? null : claim.claimDate.toString()),
                new ClaimEdit.Change("tags", null, claim.tags.isEmpty() ? null : String.join(", ", claim.tags)),
                new ClaimEdit.Change("assignee", null, claim.assignee == null ? null : claim.assignee.username));
    }

    private static List<ClaimEdit.Change> changes(List<ClaimEdit.Change> before, List<ClaimEdit.Change> after) {
        List<ClaimEdit.Change> changes = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!Objects.equals(before.get(i).to(), after.get(i).to())) {
                changes.add(new ClaimEdit.Change(before.get(i).field(), before.get(i).to(), after.get(i).to()));
            }
        }
        return changes;
    }

    private static ClientError staleEdit(Claim claim) {
        return new Stale("claim", claim.id,
                "Someone else changed this claim after you opened it. Your edit was not saved; "
                        + "compare it with the current claim below and submit it again if it still applies.");
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
