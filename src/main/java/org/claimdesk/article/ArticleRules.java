package org.claimdesk.article;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.claimdesk.claim.Claim;
import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.source.Source;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Stale;

/**
 * What an article must be: a title, an optional publisher named as a source, web address and published date, and
 * the full text. Claims point at character ranges of that text, so an edit may change the text only where it keeps
 * every claim's quoted words at the same place. Edits start from the version the reviewer saw.
 */
@ApplicationScoped
public class ArticleRules {

    static final int MAX_TITLE = 500;
    public static final int MAX_BODY = 1_000_000;
    static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    /** The fields of a valid form. */
    private record Values(String title, Source publisher, String url, LocalDate publishedOn, String body) {
    }

    /** A claim whose quoted words an edit of the text would move or change. */
    public record MovedQuote(Long claimId, String statement, String before, String after) {
    }

    /** An edit of the text refused because claims quote the words it moves. */
    public static final class QuotesMoved extends ClientError {

        private final transient List<MovedQuote> quotes;

        QuotesMoved(List<MovedQuote> quotes) {
            super(409, (quotes.size() == 1 ? "A claim quotes" : quotes.size() + " claims quote")
                    + " words this change would move or alter: claims point at character ranges of the text. "
                    + "Nothing was saved. Keep the quoted words where they are, or change the claims first.");
            this.quotes = quotes;
        }

        public List<MovedQuote> quotes() {
            return quotes;
        }
    }

    @Inject
    CurrentReviewer me;

    @Transactional
    public Article create(ArticleForm form) {
        Values values = validate(form);
        Article article = new Article();
        apply(article, values);
        article.touchedBy(me.get());
        article.persist();
        return article;
    }

    /** Checks a form as {@link #create} does, storing nothing: a 400 naming each wrong field. */
    public void check(ArticleForm form) {
        validate(form);
    }

    /**
     * Applies an edit made from {@code version}. Returns false when the form changes nothing, and then stores
     * nothing, not even who looked.
     */
    @Transactional
    public boolean update(long id, ArticleForm form, Long version) {
        if (version == null) {
            throw ClientError.badRequest("The form lacks the version of the article it was opened on. "
                    + "Reload the page and try again.");
        }
        // locked first: a claim being added at this moment takes a share lock on the article (ClaimRules), so the
        // check below that no quote moves sees every claim that will exist
        Article.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        Article article = find(id);
        if (article.version != version) {
            throw stale(article);
        }
        Values values = validate(form);
        if (!values.body().equals(article.body)) {
            List<MovedQuote> moved = moved(article, values.body());
            if (!moved.isEmpty()) {
                throw new QuotesMoved(moved);
            }
        }
        if (unchanged(article, values)) {
            return false;
        }
        apply(article, values);
        article.touchedBy(me.get());
        Stale.flush(() -> stale(article));
        return true;
    }

    /** The article with its publisher and authors, as its pages show them. */
    public static Article find(long id) {
        return Article.<Article> find("from Article a left join fetch a.publisher left join fetch a.createdBy "
                + "left join fetch a.updatedBy where a.id = ?1", id).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("There is no article with id " + id + "."));
    }

    /**
     * Browsers send line breaks as CRLF; the text is stored with LF, so that offsets count one character a break.
     * Validation then strips blank space at either end (a text area cannot round-trip a leading line break) and
     * changes nothing inside.
     */
    static String normalizeBody(String typed) {
        return typed == null ? null : typed.replace("\r\n", "\n").replace('\r', '\n');
    }

    private Values validate(ArticleForm form) {
        FieldErrors errors = new FieldErrors();
        String title = errors.text("title", "a title", form.title, MAX_TITLE, true);
        Source publisher = publisher(form.publisher, errors);
        String url = errors.url("url", "the link", form.url, false);
        LocalDate publishedOn = errors.date("publishedOn", "the published date", form.publishedOn);
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (publishedOn != null && (publishedOn.isBefore(EARLIEST) || publishedOn.isAfter(latest))) {
            errors.add("publishedOn", "The published date must be between " + EARLIEST + " and tomorrow.");
        }
        String body = errors.text("body", "the article's text", normalizeBody(form.body), MAX_BODY, true);
        errors.throwIfAny();
        return new Values(title, publisher, url, publishedOn, body);
    }

    private static boolean unchanged(Article article, Values values) {
        return values.title().equals(article.title) && values.body().equals(article.body)
                && Objects.equals(values.url(), article.url) && Objects.equals(values.publishedOn(), article.publishedOn)
                && Objects.equals(values.publisher() == null ? null : values.publisher().id,
                        article.publisher == null ? null : article.publisher.id);
    }

    private static void apply(Article article, Values values) {
        article.title = values.title();
        article.publisher = values.publisher();
        article.url = values.url();
        article.publishedOn = values.publishedOn();
        article.body = values.body();
    }

    /**
     * The source a reviewer means by {@code typed}: the one of that name, whatever the case, or else the one that has
     * it as an alias. Null when nothing was typed; unknown and ambiguous names are field errors.
     */
    Source publisher(String typed, FieldErrors errors) {
        String name = errors.text("publisher", "the publisher", typed, 200, false);
        if (name == null || errors.has("publisher")) {
            return null;
        }
        try {
            return Source.resolve(name);
        } catch (ClientError unknown) {
            errors.add("publisher", unknown.getMessage());
            return null;
        }
    }

    /** The claims whose quoted words would not stand at the same range of {@code body}. */
    private List<MovedQuote> moved(Article article, String body) {
        List<MovedQuote> moved = new ArrayList<>();
        List<Claim> quoting = Claim.list("article = ?1 and quoteStart is not null order by quoteStart, id", article);
        for (Claim claim : quoting) {
            int start = claim.quoteStart;
            int end = claim.quoteEnd;
            String before = end <= article.body.length() ? article.body.substring(start, end) : null;
            String after = end <= body.length() ? body.substring(start, end) : "";
            if (before != null && !Objects.equals(before, after)) {
                moved.add(new MovedQuote(claim.id, claim.statement, abbreviate(before), abbreviate(after)));
            }
        }
        return moved;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static Stale stale(Article article) {
        return new Stale("article", article.id, "Someone else changed this article after you opened it. Your "
                + "change was not saved. The current version is shown below, and the form still holds what you "
                + "typed: compare, then save again to replace their version with yours.");
    }
}
