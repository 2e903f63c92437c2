package org.claimdesk.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.article.extraction.ArticleCleaner;
import org.claimdesk.article.extraction.CleanedArticle;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.CleanedText;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.Stale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Importing an article: the page that takes a pasted text or an uploaded .txt or .html file, and the review of the
 * candidate claims found in it, which the reviewer accepts, corrects or leaves out before anything is stored.
 */
@Path("/articles/new")
@Produces(MediaType.TEXT_HTML)
public class ArticleImports {

    /** An uploaded file may be this large: about a megabyte, which holds any article. */
    public static final long MAX_UPLOAD = 1024 * 1024;

    /** A source named in a row, as the review page shows it: one of the desk's (with its id) or a new one. */
    public record NamedSource(String name, Long id) {
    }

    /** A row of the review page with the sources its source field names now. */
    public record Row(DraftClaim claim, List<NamedSource> sources, String quote) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(ArticleForm form, Map<String, String> errors,
                ArticleLanguage.Detected language);

        static native TemplateInstance review(ArticleDraft draft, List<ArticleText.Segment> text, List<Row> rows,
                List<SourceKind> kinds, long accepted);
    }

    @Inject
    ArticleImport imports;

    @Inject
    ArticleRules rules;

    @Inject
    ArticleLanguage languages;

    @GET
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance initCreationForm() {
        return Templates.create(ArticleForm.empty(), Map.of(), null);
    }

    /**
     * Finds the candidates of the pasted or uploaded text and opens their review; or, asked not to extract, adds the
     * article at once as the manual form always did.
     */
    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED })
    @CleanedText("body")
    public Response processCreationForm(@BeanParam ArticleForm form, @RestForm FileUpload file,
            @RestForm String action) {
        try {
            boolean removed = false;
            int invisible = 0;
            if (file != null && file.size() > 0) {
                if (form.body != null && !form.body.isBlank()) {
                    throw ClientError.invalid(List.of(ClientError.fieldError("file",
                            "Paste the text or choose a file, not both.")));
                }
                CleanedArticle cleaned = read(file);
                form.body = cleaned.text();
                removed = cleaned.boilerplateRemoved();
                invisible = cleaned.invisibleRemoved();
                if ((form.title == null || form.title.isBlank()) && cleaned.title() != null) {
                    form.title = cleaned.title();
                }
                if ((form.publishedOn == null || form.publishedOn.isBlank()) && cleaned.publishedOn() != null) {
                    form.publishedOn = cleaned.publishedOn().toString();
                }
            } else if (form.body != null && form.body.length() > ArticleRules.MAX_BODY) {
                throw tooLarge();
            } else if (!"plain".equals(action) && form.body != null) {
                CleanedArticle cleaned = ArticleCleaner.fromText(ArticleRules.normalizeBody(form.body));
                form.body = cleaned.text();
                removed = cleaned.boilerplateRemoved();
                invisible = cleaned.invisibleRemoved();
            } else if (form.body != null) {
                String visible = ArticleCleaner.removeInvisible(form.body);
                invisible = form.body.length() - visible.length();
                form.body = visible;
            }
            if ("plain".equals(action)) {
                Article created = rules.create(form);
                return Flash.redirect(Routes.article(created.id), "Added the article \"" + created.title + "\"."
                        + (invisible == 0 ? "" : " " + ArticleDraft.invisibleRemoved(invisible) + " from its text."));
            }
            if (!"extract-anyway".equals(action)) {
                // the extractor's rules are English: for another language offer to add the text as it is instead
                ArticleLanguage.Detected language = languages.of(form.body);
                if (language != null && !language.readable()) {
                    return Response.ok(Templates.create(form, Map.of(), language)).build();
                }
            }
            ArticleDraft draft = imports.draft(form, removed, invisible);
            return Flash.redirect(Routes.articleDraft(draft.id), found(draft.candidates.size()));
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return Response.status(refused.status()).entity(Templates.create(form, refused.byField(), null))
                    .build();
        }
    }

    private static String found(int candidates) {
        return switch (candidates) {
            case 0 -> "No attributed claims were found. You can still save the article.";
            case 1 -> "Found 1 candidate claim. Review it, then save.";
            default -> "Found " + candidates + " candidate claims. Review them, then save.";
        };
    }

    /** The uploaded file as clean text: HTML through jsoup, plain text as it is. */
    private static CleanedArticle read(FileUpload file) {
        if (file.size() > MAX_UPLOAD) {
            throw tooLarge();
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm") || type.startsWith("text/html");
        boolean text = name.endsWith(".txt") || type.startsWith("text/plain");
        if (!html && !text) {
            throw ClientError.invalid(List.of(ClientError.fieldError("file",
                    "Choose a .txt or .html file; \"" + file.fileName() + "\" is neither.")));
        }
        // control characters left by a bad encoding are cleaned out (ArticleCleaner), not refused
        String content = decode(file);
        return html ? ArticleCleaner.fromHtml(content) : ArticleCleaner.fromText(ArticleRules.normalizeBody(content));
    }

    private static String decode(FileUpload file) {
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            String content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return content.startsWith("\uFEFF") ? content.substring(1) : content;
        } catch (CharacterCodingException e) {
            throw ClientError.invalid(List.of(ClientError.fieldError("file",
                    "The file is not UTF-8 text. Save it as UTF-8 and upload it again.")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClientError tooLarge() {
        return new ClientError(413, "The article is larger than Claimdesk imports: at most 1 MB for a file and "
                + String.format(Locale.ROOT, "%,d", ArticleRules.MAX_BODY) + " characters of text. Nothing was "
                + "stored. Import the article's text without the rest of the page.");
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance review(@RestPath long id) {
        ArticleDraft draft = imports.mine(id);
        List<ArticleText.Quote> marks = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (DraftClaim claim : draft.candidates) {
            Integer start = number(claim.rangeStart());
            Integer end = number(claim.rangeEnd());
            boolean fits = start != null && end != null && start >= 0 && start < end && end <= draft.body.length();
            if (fits && !claim.isRejected()) {
                marks.add(new ArticleText.Quote(claim.number(), start, end, claim.statement(), null));
            }
            List<NamedSource> sources = claim.sourceNames().stream().map(name -> {
                List<Long> ids = Source.idsNamed(name);
                return new NamedSource(name, ids.size() == 1 ? ids.get(0) : null);
            }).toList();
            rows.add(new Row(claim, sources, fits ? draft.body.substring(start, end) : null));
        }
        long accepted = draft.candidates.stream().filter(c -> !c.isRejected()).count();
        return Templates.review(draft, ArticleText.segments(draft.body, marks), rows, List.of(SourceKind.values()),
                accepted);
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Stores the rows as sent, then, asked to, saves the article with its accepted claims, or discards the draft.
     * Always answers with a redirect: to the review again when something needs correcting.
     */
    @POST
    @Path("{id}")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processReview(@RestPath long id, @RestForm String version, @RestForm String action,
            @RestForm List<String> row, @RestForm List<String> decision, @RestForm List<String> statement,
            @RestForm List<String> sources, @RestForm List<String> kind, @RestForm List<String> rangeStart,
            @RestForm List<String> rangeEnd, @RestForm List<String> relays, @RestForm List<String> attributionKind) {
        if ("discard".equals(action)) {
            imports.discard(id);
            return Flash.redirect(Routes.newArticle(), "Discarded the import; nothing was stored.");
        }
        List<ArticleImport.RowEdit> edits = edits(row, decision, statement, sources, kind, rangeStart, rangeEnd,
                relays, attributionKind);
        Long sent = version == null || !version.strip().matches("\\d{1,18}") ? null : Long.valueOf(version.strip());
        int errors;
        try {
            errors = imports.review(id, sent, edits);
        } catch (Stale stale) {
            return Flash.redirect(Routes.articleDraft(id), stale.getMessage());
        }
        if (errors > 0) {
            return Flash.redirect(Routes.articleDraft(id), (errors == 1 ? "One candidate has" : errors
                    + " candidates have") + " a mistake, marked below. Nothing was saved yet.");
        }
        if (!"save".equals(action)) {
            return Flash.redirect(Routes.articleDraft(id), "Updated the candidates. Nothing is stored until you save.");
        }
        try {
            Article created = imports.saveDraft(id, imports.mine(id).version);
            long claims = org.claimdesk.claim.Claim.count("article.id = ?1", created.id);
            return Flash.redirect(Routes.article(created.id), "Added the article \"" + created.title + "\" with "
                    + (claims == 1 ? "1 claim." : claims + " claims."));
        } catch (ClientError refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return Flash.redirect(Routes.articleDraft(id), refused.getMessage());
        }
    }

    private static List<ArticleImport.RowEdit> edits(List<String> row, List<String> decision, List<String> statement,
            List<String> sources, List<String> kind, List<String> rangeStart, List<String> rangeEnd,
            List<String> relays, List<String> attributionKind) {
        int n = row == null ? 0 : row.size();
        for (List<String> field : List.of(nonNull(decision), nonNull(statement), nonNull(sources), nonNull(kind),
                nonNull(rangeStart), nonNull(rangeEnd))) {
            if (field.size() != n) {
                throw ClientError.badRequest("The review form arrived incomplete. Reload the page and try again.");
            }
        }
        List<ArticleImport.RowEdit> edits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer number = number(row.get(i));
            if (number == null) {
                throw ClientError.badRequest("The review form arrived incomplete. Reload the page and try again.");
            }
            edits.add(new ArticleImport.RowEdit(number, decision.get(i), statement.get(i), sources.get(i),
                    kind.get(i), rangeStart.get(i), rangeEnd.get(i), optional(relays, n, i),
                    optional(attributionKind, n, i)));
        }
        return edits;
    }

    /** A field of every row that older forms lack (issue 19's relays and kind): absent, it keeps the proposal. */
    private static String optional(List<String> values, int rows, int i) {
        return values != null && values.size() == rows ? values.get(i) : null;
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
