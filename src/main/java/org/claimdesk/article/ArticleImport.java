package org.claimdesk.article;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.claimdesk.article.DraftClaim.Decision;
import org.claimdesk.article.extraction.Candidate;
import org.claimdesk.article.extraction.Extractor;
import org.claimdesk.article.extraction.ResolvedSource;
import org.claimdesk.attribution.Attributions;
import org.claimdesk.attribution.Relays;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimInput;
import org.claimdesk.claim.ClaimLinks;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.LinkKind;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.match.ClaimMatcher;
import org.claimdesk.match.Match;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceInput;
import org.claimdesk.source.SourceKind;
import org.claimdesk.source.SourceRules;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

/**
 * Importing an article: its candidate claims found and checked against the desk, the reviewer's draft, and the one
 * transaction that stores the article with its accepted sources and claims (for the pages and the API alike).
 */
@ApplicationScoped
public class ArticleImport {

    /** A candidate whose match scores this much (see match.Ranker) is flagged as already in the desk. */
    static final double DUPLICATE = 0.6;
    /** ...or whose meaning is this close (cosine), in other words. */
    static final double SAME_MEANING = 0.85;
    /** Drafts left this long are removed when their author imports again. */
    static final Duration DRAFT_LIFE = Duration.ofDays(7);

    /** A candidate with the claim of the desk it resembles, or null. */
    public record Found(Candidate candidate, DraftClaim.Duplicate duplicate) {
    }

    /** A source of an accepted claim: one of the desk's ({@code id}), or one to create. */
    public record SourceChoice(Long id, SourceInput newSource) {
    }

    /**
     * An accepted claim. The range counts characters of the text as sent; {@code sources} makes one claim each;
     * {@code sameAs} is a claim of the desk to link the new one to as the same claim.
     */
    public record Accepted(String statement, String quote, List<SourceChoice> sources, Integer claimStart,
            Integer claimEnd, Long sameAs, List<String> relays, String attributionKind) {

        public Accepted(String statement, String quote, List<SourceChoice> sources, Integer claimStart,
                Integer claimEnd, Long sameAs) {
            this(statement, quote, sources, claimStart, claimEnd, sameAs, List.of(), null);
        }
    }

    /** One row of the review form as sent. */
    public record RowEdit(int number, String decision, String statement, String sources, String kind, String start,
            String end, String relays, String attributionKind) {
    }

    @Inject
    EntityManager em;

    @Inject
    SourceRegistry registry;

    @Inject
    ArticleRules articles;

    @Inject
    SourceRules sourceRules;

    @Inject
    ClaimRules claimRules;

    @Inject
    ClaimLinks links;

    @Inject
    CurrentReviewer me;

    @Inject
    Attributions attributions;

    @Inject
    ClaimMatcher matcher;

    /** The candidates of a stored-form text, in text order, with their sources resolved against the desk's. */
    @Transactional
    public List<Candidate> candidates(String text) {
        return new Extractor(registry.load()).extract(text);
    }

    /**
     * The candidates of a stored-form text, in text order, each with the desk's claim it matches (the matching
     * engine, issue 14): the best decided one among the close matches, else the closest.
     */
    @Transactional
    public List<Found> extract(String text) {
        List<Candidate> candidates = candidates(text);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> texts = candidates.stream().map(c -> c.claimText() == null || c.claimText().isBlank() ? ""
                : c.claimText()).toList();
        List<List<Match>> matches = matcher.nearestAll(texts, 5);
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            found.add(new Found(candidates.get(i), texts.get(i).isEmpty() ? null : duplicateOf(matches.get(i))));
        }
        return found;
    }

    private static DraftClaim.Duplicate duplicateOf(List<Match> matches) {
        List<Match> close = matches.stream().filter(m -> m.score() >= DUPLICATE || m.meaning() >= SAME_MEANING)
                .toList();
        Match chosen = close.stream().filter(Match::decided).findFirst().orElse(close.isEmpty() ? null : close.get(0));
        return chosen == null ? null : new DraftClaim.Duplicate(chosen.id(), chosen.statement(), (int) chosen.percent(),
                chosen.status(), chosen.why());
    }

    /**
     * Starts a draft from a checked article form whose body is the cleaned text: candidates found, each proposed for
     * adding (or, when the desk has it already, for adding linked to it).
     */
    @Transactional
    public ArticleDraft draft(ArticleForm form, boolean boilerplateRemoved, int invisibleRemoved) {
        articles.check(form);
        ArticleDraft draft = new ArticleDraft();
        draft.owner = me.get();
        draft.title = form.title.strip();
        draft.publisher = blankToNull(form.publisher);
        draft.url = blankToNull(form.url);
        draft.publishedOn = blankToNull(form.publishedOn) == null ? null : LocalDate.parse(form.publishedOn.strip());
        draft.body = ArticleBody.of(form.body).text();
        draft.boilerplateRemoved = boilerplateRemoved;
        draft.invisibleRemoved = invisibleRemoved;
        List<Found> found = extract(draft.body);
        for (Found f : found) {
            draft.candidates.add(row(draft.candidates.size() + 1, f));
        }
        ArticleDraft.delete("owner = ?1 and createdAt < ?2", draft.owner, Instant.now().minus(DRAFT_LIFE));
        draft.persist();
        return draft;
    }

    private static DraftClaim row(int number, Found found) {
        Candidate c = found.candidate();
        List<DraftClaim.Proposed> proposed = c.sources().stream().map(s -> new DraftClaim.Proposed(s.id(), s.name(),
                s.kind() == null ? null : s.kind().name(), s.isNew(), s.aliases())).toList();
        // the kind a new source gets: the guessed one, else that of the source found, which a renamed one resembles
        String kind = c.sources().stream().sorted(Comparator.comparing(s -> !s.isNew())).map(ResolvedSource::kind)
                .filter(k -> k != null).findFirst().orElse(SourceKind.other).name();
        Decision decision = found.duplicate() == null ? Decision.accept : Decision.link;
        Relays.Proposal relays = Relays.propose(c.sentence(), c.sourceMention()); // issue 19: a pass of its own
        return new DraftClaim(number, c.start(), c.end(), c.claimStart(), c.claimEnd(), c.sourceStart(), c.sourceEnd(),
                c.cueStart(), c.cueEnd(), c.sourceMention(), c.cue(), c.rule(), c.confidence(), proposed,
                found.duplicate(), decision, c.claimText() == null ? "" : c.claimText().strip(),
                relays.claimant() != null ? relays.claimant() : proposed.stream().map(DraftClaim.Proposed::name)
                        .collect(Collectors.joining(DraftClaim.SOURCE_SEPARATOR + " ")),
                relays.claimant() != null ? Attributions.guessedKind(relays.claimant()) : kind,
                Integer.toString(c.claimStart()), Integer.toString(c.claimEnd()), null, null, null)
                .withAttribution(relays.relayNames(), relays.kindCode());
    }

    /** The reviewer's own draft; anyone else's is not found. */
    public ArticleDraft mine(long id) {
        return mine(id, LockModeType.NONE);
    }

    private ArticleDraft mine(long id, LockModeType lock) {
        ArticleDraft draft = ArticleDraft.<ArticleDraft> findByIdOptional(id, lock).orElse(null);
        if (draft == null || !draft.owner.id.equals(me.id())) {
            throw ClientError.notFound("There is no import in progress with id " + id + ". It may have been saved "
                    + "or discarded already.");
        }
        return draft;
    }

    /**
     * Stores the reviewer's decisions and edits, each row checked: a row that cannot be saved keeps what was typed
     * with the reason. Returns the number of rows with errors.
     */
    @Transactional
    public int review(long id, Long version, List<RowEdit> edits) {
        ArticleDraft draft = mine(id, LockModeType.PESSIMISTIC_WRITE);
        if (version == null || draft.version != version) {
            throw new Stale("draft", id, "This import was changed in another tab or window after you opened it. "
                    + "Nothing was changed; the current state is shown below.");
        }
        Map<Integer, RowEdit> byNumber = new HashMap<>();
        for (RowEdit edit : edits) {
            byNumber.put(edit.number(), edit);
        }
        List<DraftClaim> rows = new ArrayList<>();
        int errors = 0;
        for (DraftClaim row : draft.candidates) {
            RowEdit edit = byNumber.get(row.number());
            DraftClaim edited = edit == null ? row : row.edited(decision(edit.decision(), row),
                    edit.statement() == null ? "" : edit.statement().replace("\r\n", "\n"), edit.sources(),
                    edit.kind(), edit.start(), edit.end(), null).withAttribution(
                    edit.relays() == null ? row.relays() : edit.relays(),
                    edit.attributionKind() == null ? row.attributionKind() : edit.attributionKind());
            String error = edited.isRejected() ? null : problem(edited, draft.body);
            rows.add(edited.withError(error));
            errors += error == null ? 0 : 1;
        }
        draft.candidates = rows;
        draft.updatedAt = Instant.now(); // a new version even when nothing else changed
        return errors;
    }

    private static Decision decision(String value, DraftClaim row) {
        Decision decision;
        try {
            decision = Decision.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest("Choose for each candidate whether to add it or leave it out.");
        }
        return decision == Decision.link && row.duplicate() == null ? Decision.accept : decision;
    }

    /** Why an accepted row cannot be saved as it stands, or null. */
    private static String problem(DraftClaim row, String body) {
        FieldErrors errors = new FieldErrors();
        errors.text("statement", "the statement", row.statement(), ClaimRules.MAX_STATEMENT, true);
        List<String> names = row.sourceNames();
        if (names.isEmpty()) {
            errors.add("sources", "Name the source that made the claim.");
        }
        boolean anyNew = false;
        for (String name : names) {
            List<Long> ids = Source.idsNamed(name);
            if (ids.size() > 1) {
                errors.add("sources", "\"" + name + "\" is another name of several sources; type the full name.");
            }
            anyNew |= ids.isEmpty();
            if (ids.isEmpty() && name.length() > SourceRules.MAX_NAME) {
                errors.add("sources", "A source's name is at most " + SourceRules.MAX_NAME + " characters.");
            }
        }
        Attributions.checkImported(row.relayNames(), row.attributionKind(), errors);
        if (anyNew && SourceKind.parse(row.newKind()).isEmpty()) {
            errors.add("kind", "Choose the kind of the new source.");
        }
        Integer start = errors.integer("rangeStart", "the start", row.rangeStart(), 0, body.length());
        Integer end = errors.integer("rangeEnd", "the end", row.rangeEnd(), 0, body.length());
        if (start == null || end == null) {
            if (!errors.has("rangeStart") && !errors.has("rangeEnd")) {
                errors.add("rangeStart", "Give the start and end of the claim in the text.");
            }
        } else {
            rangeProblem(errors, "rangeStart", start, end, body);
        }
        return errors.isEmpty() ? null : messages(errors);
    }

    private static String messages(FieldErrors errors) {
        try {
            errors.throwIfAny();
            return null;
        } catch (ClientError refused) {
            return refused.getMessage();
        }
    }

    /** Checks a claim's range in {@code text}: inside it, not empty, not blank, not longer than a quote may be. */
    static void rangeProblem(FieldErrors errors, String field, int start, int end, String text) {
        if (start < 0 || end <= start || end > text.length()) {
            errors.add(field, "The claim's range must satisfy 0 ≤ start < end ≤ " + text.length()
                    + " (the length of the article's text).");
        } else if (org.claimdesk.system.TextRanges.cutsCharacter(text, start, end)) {
            errors.add(field, org.claimdesk.system.TextRanges.CUTS_CHARACTER);
        } else if (end - start > ClaimRules.MAX_QUOTE) {
            errors.add(field, "A claim's range covers at most " + ClaimRules.MAX_QUOTE + " characters.");
        } else if (text.substring(start, end).isBlank()) {
            errors.add(field, "The claim's range holds only blank space.");
        }
    }

    /** Drops a draft the reviewer no longer wants. */
    @Transactional
    public void discard(long id) {
        mine(id, LockModeType.PESSIMISTIC_WRITE).delete();
    }

    /**
     * Saves a reviewed draft at {@code version}: the article, its accepted claims and their new sources, then the
     * draft is gone. All or nothing.
     */
    @Transactional
    public Article saveDraft(long id, long version) {
        ArticleDraft draft = mine(id, LockModeType.PESSIMISTIC_WRITE);
        if (draft.version != version) {
            throw new Stale("draft", id, "This import was changed in another tab or window. Nothing was saved; "
                    + "check the candidates below and save again.");
        }
        if (draft.candidates.stream().anyMatch(r -> !r.isRejected() && r.error() != null)) {
            throw ClientError.badRequest("Some accepted candidates have mistakes, marked below. Correct them or leave "
                    + "them out, then save again. Nothing was saved.");
        }
        List<Accepted> accepted = new ArrayList<>();
        Map<String, List<String>> aliases = proposedAliases(draft);
        for (DraftClaim row : draft.candidates) {
            if (row.isRejected()) {
                continue;
            }
            List<SourceChoice> sources = row.sourceNames().stream().map(name -> {
                List<Long> ids = Source.idsNamed(name);
                return ids.size() == 1 ? new SourceChoice(ids.get(0), null)
                        : new SourceChoice(null, new SourceInput(name, row.newKind(), null,
                                aliases.getOrDefault(name.strip().toLowerCase(Locale.ROOT), List.of()), null, null));
            }).toList();
            accepted.add(new Accepted(row.statement(), null, sources, Integer.valueOf(row.rangeStart().strip()),
                    Integer.valueOf(row.rangeEnd().strip()),
                    row.decision() == Decision.link && row.duplicate() != null ? row.duplicate().claimId() : null,
                    row.relayNames(), row.attributionKind()));
        }
        Article article = save(draft.form(), accepted, Map.of());
        draft.delete();
        return article;
    }

    /**
     * The article's other names for each new source it proposed ("Dr Fox" for "Liam Fox"), by the proposed name in
     * lower case; a name that already names a source of the desk is left out, so that it does not become ambiguous.
     */
    private static Map<String, List<String>> proposedAliases(ArticleDraft draft) {
        Map<String, java.util.LinkedHashSet<String>> found = new HashMap<>();
        for (DraftClaim row : draft.candidates) {
            for (DraftClaim.Proposed p : row.proposed() == null ? List.<DraftClaim.Proposed> of() : row.proposed()) {
                if (p.newSource() && !p.aliases().isEmpty()) {
                    found.computeIfAbsent(p.name().strip().toLowerCase(Locale.ROOT), k -> new java.util.LinkedHashSet<>())
                            .addAll(p.aliases());
                }
            }
        }
        Map<String, List<String>> aliases = new HashMap<>();
        found.forEach((name, names) -> aliases.put(name, names.stream().filter(a -> Source.idsNamed(a).isEmpty())
                .limit(SourceRules.MAX_ALIASES).toList()));
        return aliases;
    }

    /**
     * Stores an article with its accepted claims in one transaction: the article, each new source once (claims
     * naming the same new source share it), one claim per source of each accepted claim with its range and the
     * article's words there as its quote (those of one claim linked as the same claim), and the links asked for. Every problem is found before anything is
     * written and refused at once, naming the field ({@code claims[2].claimStart}); article fields are named as
     * {@code articleFields} says.
     */
    @Transactional
    public Article save(ArticleForm form, List<Accepted> claims, Map<String, String> articleFields) {
        FieldErrors errors = new FieldErrors();
        String sent = form.body == null ? "" : form.body;
        ArticleBody body = ArticleBody.of(sent);
        if (form.body != null) {
            form.body = body.text(); // stored cleaned; the claims' ranges count the text as sent
        }
        try {
            articles.check(form);
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            refused.fieldErrors().forEach(f -> errors.add(articleFields.getOrDefault(f.get("field"), f.get("field")),
                    f.get("message")));
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            ranges.add(check(claims.get(i), "claims[" + i + "].", sent, body, errors));
        }
        errors.throwIfAny();
        Article article = articles.create(form);
        Article.flush(); // the claims' rules lock its row
        Map<String, Long> created = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Accepted claim = claims.get(i);
            int index = i;
            Claim first = null;
            for (SourceChoice choice : claim.sources()) {
                Long sourceId = choice.id() != null ? choice.id()
                        : created.computeIfAbsent(choice.newSource().name().strip().toLowerCase(Locale.ROOT),
                                key -> newSource(choice.newSource(), "claims[" + index + "].newSource."));
                Claim stored = claimRules.create(new ClaimInput(claim.statement(), null, sourceId, article.id,
                        ranges.get(i)[0], ranges.get(i)[1], null, List.of(), null), new FieldErrors());
                attributions.applyImported(stored, claim.relays(), claim.attributionKind(), name -> created
                        .computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), key -> newSource(new SourceInput(name,
                                Attributions.guessedKind(name), null, List.of(), null, null), "claims[" + index
                                + "].relays.")));
                if (claim.sameAs() != null) {
                    links.link(stored.id, claim.sameAs(), LinkKind.same_claim.name(),
                            "Found again in \"" + article.title + "\" when it was imported.");
                }
                // "Both South Korea and Japan accused ...": one claim per source, linked as the demo desk does
                if (first == null) {
                    first = stored;
                } else {
                    links.link(first.id, stored.id, LinkKind.same_claim.name(),
                            "Made jointly in one sentence of the article.");
                }
            }
        }
        return article;
    }

    /** Checks one accepted claim; returns its range in the stored text, or null when it has none that fits. */
    private static int[] check(Accepted claim, String prefix, String sent, ArticleBody body, FieldErrors errors) {
        if (claim == null) {
            errors.add(prefix.substring(0, prefix.length() - 1), "Each claim must be a JSON object.");
            return null;
        }
        errors.text(prefix + "statement", "the statement", claim.statement(), ClaimRules.MAX_STATEMENT, true);
        if (claim.sources() == null || claim.sources().isEmpty()) {
            errors.add(prefix + "sourceId", "Give the claim's source: sourceId for one of the desk's, or newSource.");
        } else {
            claim.sources().forEach(choice -> checkSource(choice, prefix, errors));
        }
        if (claim.sameAs() != null && Claim.findByIdOptional(claim.sameAs()).isEmpty()) {
            errors.add(prefix + "sameAs", "There is no claim with id " + claim.sameAs() + " to link to.");
        }
        if (claim.claimStart() == null || claim.claimEnd() == null) {
            errors.add(prefix + "claimStart", "Give the claim's range in the text: claimStart and claimEnd.");
            return null;
        }
        int start = claim.claimStart();
        int end = claim.claimEnd();
        if (start < 0 || end <= start || end > sent.length()) {
            errors.add(prefix + "claimStart", "The claim's range must satisfy 0 ≤ claimStart < claimEnd ≤ "
                    + sent.length() + " (the length of the text).");
            return null;
        }
        int[] range = { body.offset(start), body.offset(end) };
        rangeProblem(errors, prefix + "claimStart", range[0], range[1], body.text());
        if (errors.has(prefix + "claimStart")) {
            return null;
        }
        String words = body.text().substring(range[0], range[1]).strip();
        if (claim.quote() != null && !claim.quote().isBlank() && !claim.quote().strip().equals(words)) {
            errors.add(prefix + "quote", "The quote does not match the text at " + start + "–" + end + "; leave it "
                    + "out to have the text's words stored as the quote.");
        }
        return range;
    }

    private static void checkSource(SourceChoice choice, String prefix, FieldErrors errors) {
        if (choice.id() != null && choice.newSource() != null) {
            errors.add(prefix + "sourceId", "Give either sourceId or newSource, not both.");
        } else if (choice.id() != null) {
            if (Source.findByIdOptional(choice.id()).isEmpty()) {
                errors.add(prefix + "sourceId", "There is no source with id " + choice.id() + ".");
            }
        } else if (choice.newSource() != null) {
            SourceInput input = choice.newSource();
            String name = errors.text(prefix + "newSource.name", "the new source's name", input.name(),
                    SourceRules.MAX_NAME, true);
            if (name != null && !Source.idsNamed(name).isEmpty()) {
                errors.add(prefix + "newSource.name", "The desk already has a source called \"" + name + "\" (id "
                        + Source.idsNamed(name).get(0) + "); send its sourceId instead.");
            }
            if (SourceKind.parse(input.kind() == null ? "" : input.kind().strip()).isEmpty()) {
                errors.add(prefix + "newSource.kind", "Choose the new source's kind: "
                        + String.join(", ", SourceKind.names()) + ".");
            }
        } else {
            errors.add(prefix + "sourceId", "Give the claim's source: sourceId for one of the desk's, or newSource.");
        }
    }

    private long newSource(SourceInput input, String prefix) {
        try {
            return sourceRules.create(input).id;
        } catch (ClientError refused) {
            // checked before anything was written: the field names of the request
            throw new ClientError(refused.status(), refused.getMessage(), refused.fieldErrors().stream()
                    .map(f -> ClientError.fieldError(prefix + f.get("field"), f.get("message"))).toList());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
