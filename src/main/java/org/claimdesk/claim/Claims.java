package org.claimdesk.claim;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.claimdesk.article.Article;
import org.claimdesk.attribution.Attributions;
import org.claimdesk.review.Stance;
import org.claimdesk.review.VerdictInput;
import org.claimdesk.review.Verdicts;
import org.claimdesk.reviewer.Assignee;
import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Flash;
import org.claimdesk.system.ReadOnlyPage;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.Stale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The claims pages: the filtered list, a claim with its timeline, create, edit, decide and link. */
@Path("/claims")
@Produces(MediaType.TEXT_HTML)
public class Claims {

    /** Sent by htmx with the requests it makes, which get a fragment of the page instead of a redirect. */
    static final String HX_REQUEST = "HX-Request";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(ClaimSearch.Page page, ClaimFilter filter, Choices choices, Source source,
                Article article, Reviewer assignee);

        static native TemplateInstance create(ClaimForm form, Choices choices, Map<String, String> errors);

        /** @param conflicts after a refused stale edit, the fields both people changed; otherwise null */
        static native TemplateInstance edit(Claim claim, ClaimForm form, Choices choices, Map<String, String> errors,
                List<String> conflicts);

        static native TemplateInstance show(ClaimDetails.Details details, VerdictForm verdict,
                Map<String, String> errors, VerdictChoices options);

        static native TemplateInstance conflict(ClaimDetails.Details details, VerdictForm verdict,
                Map<String, String> errors, VerdictChoices options);

        /**
         * The answer to a decision sent by htmx (no reload): the Decide panel, with the claim's status and history out
         * of band. {@code conflict} is the claim as it now is when a newer change refused the decision, else null.
         */
        static native TemplateInstance decided(ClaimDetails.Details details, VerdictForm verdict,
                Map<String, String> errors, VerdictChoices options, String notice, ClaimDetails.Details conflict);
    }

    /** What the forms offer to choose from. */
    public record Choices(List<Assignee> assignees, List<Article> articles, List<SourceKind> kinds,
            List<ClaimStatus> statuses, List<ClaimFilter.Sort> sorts) {
    }

    /** What the verdict form offers. */
    public record VerdictChoices(List<ClaimStatus> statuses, List<Stance> stances) {
    }

    @Inject
    ClaimSearch search;

    @Inject
    ClaimRules rules;

    @Inject
    Verdicts verdicts;

    @Inject
    ClaimLinks links;

    @Inject
    ClaimDetails details;

    @Inject
    Attributions attributions;

    @GET
    @RolesAllowed(Role.VIEWER)
    @Transactional // one connection and one commit for the page's few reads, not one each (issue 17)
    public Object index(@Context UriInfo uri, @RestQuery String after, @RestQuery String before,
            @RestQuery Integer size, @RestQuery("source") String sourceName) {
        ReadOnlyPage.begin();
        ClaimFilter filter = ClaimFilter.parse(uri.getQueryParameters());
        FieldErrors errors = new FieldErrors();
        int pageSize = ClaimSearch.size(size, errors);
        errors.throwIfAny();
        if (sourceName != null && !sourceName.isBlank()) {
            // the filter form names a source as people do; the list's address holds its id
            return Response.seeOther(URI.create(filter.withSource(Source.resolve(sourceName).id).url())).build();
        }
        ClaimSearch.Page page = search.page(filter, blank(after), blank(before), pageSize);
        Source source = filter.sourceId() == null ? null : Source.findById(filter.sourceId());
        Article article = filter.articleId() == null ? null : Article.findById(filter.articleId());
        Reviewer assignee = filter.assigneeId() == null ? null : Reviewer.findById(filter.assigneeId());
        return Templates.index(page, filter, choices(false), source, article, assignee);
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance initCreationForm(@RestQuery Long sourceId, @RestQuery Long articleId) {
        ClaimForm form = new ClaimForm();
        Source source = sourceId == null ? null : Source.findById(sourceId);
        form.source = source == null ? "" : source.name;
        form.articleId = articleId == null ? "" : articleId.toString();
        return Templates.create(form, choices(form), Map.of());
    }

    @POST
    @RolesAllowed(Role.REVIEWER)
    public Response processCreationForm(@BeanParam ClaimForm form) {
        FieldErrors errors = new FieldErrors();
        try {
            Claim created = attributions.create(form.toInput(errors), form.attribution(), errors);
            return Flash.redirect(Routes.claim(created.id), "Added the claim. It is unverified until someone decides it.");
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return Response.status(refused.status()).entity(Templates.create(form, choices(form), refused.byField()))
                    .build();
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    @Transactional // one connection and one commit for the page's reads, not one each (issue 17)
    public TemplateInstance show(@RestPath long id, @RestQuery boolean related) {
        ReadOnlyPage.begin();
        // related claims at once, from the matching engine (issue 14); ?related is still accepted, as old links have it
        ClaimDetails.Details shown = details.load(id, true, true);
        return Templates.show(shown, VerdictForm.fresh(shown.claim()), Map.of(), options());
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance initUpdateForm(@RestPath long id) {
        Claim claim = details.claim(id);
        ClaimForm form = ClaimForm.of(claim);
        return Templates.edit(claim, form, choices(form), Map.of(), null);
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Role.REVIEWER)
    public Response processUpdateForm(@RestPath long id, @BeanParam ClaimForm form) {
        FieldErrors errors = new FieldErrors();
        Long version = errors.version(form.version);
        try {
            Claim updated;
            String notice;
            try {
                updated = attributions.update(id, form.toInput(errors), form.attribution(), version, errors);
                notice = updated.version != (version == null ? -1 : version) ? "Saved your changes to the claim."
                        : "Nothing changed.";
            } catch (Stale stale) {
                // someone changed the claim since this form was opened: keep both where they do not overlap
                Claim current = details.claim(id);
                List<String> conflicts = form.mergeOver(ClaimForm.of(current));
                if (!conflicts.isEmpty()) {
                    return Response.status(409)
                            .entity(Templates.edit(current, form, choices(form), Map.of(), conflicts)).build();
                }
                errors = new FieldErrors();
                updated = attributions.update(id, form.toInput(errors), form.attribution(), current.version, errors);
                notice = "Saved your changes. The claim had changed since you opened it; those other changes are "
                        + "kept too (see the history).";
            }
            return Flash.redirect(Routes.claim(id), notice);
        } catch (Stale again) {
            Claim current = details.claim(id);
            List<String> conflicts = form.mergeOver(ClaimForm.of(current));
            return Response.status(409).entity(Templates.edit(current, form, choices(form), Map.of(),
                    conflicts.isEmpty() ? List.of("(none: it changed again while saving)") : conflicts)).build();
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(Templates.edit(details.claim(id), form, choices(form), refused.byField(), null)).build();
        }
    }

    @POST
    @Path("{id}/verdicts")
    @RolesAllowed(Role.REVIEWER)
    public Response decide(@RestPath long id, @BeanParam VerdictForm form, @HeaderParam(HX_REQUEST) String htmx) {
        boolean inline = "true".equals(htmx);
        if (form.more != null) {
            // "Add more evidence": the same form again with more empty rows; nothing is stored
            ClaimDetails.Details shown = details.load(id, !inline);
            return Response.ok(inline ? Templates.decided(shown, form.padded(), Map.of(), options(), null, null)
                    : Templates.show(shown, form.padded(), Map.of(), options())).build();
        }
        FieldErrors errors = new FieldErrors();
        Long version = errors.version(form.version);
        try {
            errors.throwIfAny();
            var review = verdicts.decide(id, form.toInput(version));
            String notice = "Recorded your decision: " + review.status.label() + ".";
            if (inline) {
                ClaimDetails.Details now = details.load(id, false);
                return Response.ok(Templates.decided(now, VerdictForm.fresh(now.claim()), Map.of(), options(), notice,
                        null)).build();
            }
            return Flash.redirect(Routes.claim(id) + "#timeline", notice);
        } catch (Stale stale) {
            ClaimDetails.Details current = details.load(id, false);
            form.version = Long.toString(current.claim().version);
            return Response.status(409).entity(inline
                    ? Templates.decided(current, form.padded(), Map.of(), options(), null, current)
                    : Templates.conflict(current, form.padded(), Map.of(), options())).build();
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            ClaimDetails.Details shown = details.load(id, !inline);
            return Response.status(refused.status()).entity(inline
                    ? Templates.decided(shown, form.padded(), refused.byField(), options(), null, null)
                    : Templates.show(shown, form.padded(), refused.byField(), options())).build();
        }
    }

    @POST
    @Path("{id}/links")
    @RolesAllowed(Role.REVIEWER)
    public Response link(@RestPath long id, @RestForm String otherId, @RestForm String kind, @RestForm String note) {
        FieldErrors errors = new FieldErrors();
        Long other = errors.id("otherId", "the claim to link to", otherId, true);
        try {
            errors.throwIfAny();
            ClaimLink made = links.link(id, other, kind, note);
            return Flash.redirect(Routes.claim(id) + "#links",
                    "Linked claim #" + other + " as \"" + made.kind.label() + "\".");
        } catch (ClientError refused) {
            if (refused.status() == 404) {
                throw refused; // this claim itself is gone
            }
            // the claim's page again, with the reason beside the link form
            return Response.status(refused.status()).entity(Templates.show(details.load(id, true),
                    VerdictForm.fresh(details.claim(id)), Map.of("link", refused.getMessage()), options())).build();
        }
    }

    @POST
    @Path("{id}/links/{linkId}/delete")
    @RolesAllowed(Role.REVIEWER)
    public Response unlink(@RestPath long id, @RestPath long linkId) {
        links.unlink(id, linkId);
        return Flash.redirect(Routes.claim(id) + "#links", "Removed the link.");
    }

    private static Choices choices(boolean forForm) {
        return choices(forForm ? "" : null);
    }

    /**
     * Choices for the claim form: the latest articles and active reviewers, plus the article and assignee the form
     * names, so that saving a claim never drops them unasked.
     */
    private static Choices choices(ClaimForm form) {
        Choices choices = choices(form.articleId == null ? "" : form.articleId);
        Long assigneeId = form.assigneeId != null && form.assigneeId.matches("\\d{1,18}") ? Long.valueOf(form.assigneeId)
                : null;
        if (assigneeId != null && choices.assignees().stream().noneMatch(r -> r.id().equals(assigneeId))) {
            List<Assignee> assignees = new ArrayList<>(choices.assignees());
            Reviewer.<Reviewer> findByIdOptional(assigneeId).ifPresent(r -> assignees.add(new Assignee(r.id,
                    r.username)));
            return new Choices(assignees, choices.articles(), choices.kinds(), choices.statuses(), choices.sorts());
        }
        return choices;
    }

    private static Choices choices(String articleId) {
        List<Assignee> assignees = Reviewer.assignees();
        List<Article> articles = new ArrayList<>();
        if (articleId != null) {
            articles.addAll(Article.<Article> find("order by createdAt desc, id desc").page(0, 100).list());
            Long wanted = articleId.matches("\\d{1,18}") ? Long.valueOf(articleId) : null;
            if (wanted != null && articles.stream().noneMatch(a -> a.id.equals(wanted))) {
                Article.<Article> findByIdOptional(wanted).ifPresent(articles::add);
            }
        }
        return new Choices(assignees, articles, List.of(SourceKind.values()), List.of(ClaimStatus.values()),
                List.of(ClaimFilter.Sort.values()));
    }

    private static VerdictChoices options() {
        return new VerdictChoices(List.of(ClaimStatus.values()), List.of(Stance.values()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The verdict form as typed: a status, a rationale and rows of evidence, sent as parallel lists. */
    public static class VerdictForm {
        /** Empty evidence rows offered without JavaScript. */
        static final int EMPTY_ROWS = 3;

        @RestForm
        public String status = "";
        @RestForm
        public String rationale = "";
        @RestForm
        public List<String> evidenceUrl = new ArrayList<>();
        @RestForm
        public List<String> evidenceTitle = new ArrayList<>();
        @RestForm
        public List<String> evidenceStance = new ArrayList<>();
        @RestForm
        public List<String> evidenceNote = new ArrayList<>();
        @RestForm
        public String version = "";
        /** Set by the "more evidence" button, which asks for more empty rows instead of deciding. */
        @RestForm
        public String more;

        /** One evidence row of the form, with what was wrong with it. */
        public record Row(int index, String url, String title, String stance, String note, String error) {

            /** The row's number for people, counting from 1. */
            public int number() {
                return index + 1;
            }
        }

        static VerdictForm fresh(Claim claim) {
            VerdictForm form = new VerdictForm();
            form.version = Long.toString(claim.version);
            return form.padded();
        }

        /**
         * The typed rows up to the last one that holds anything, in their places (errors name rows by place), then
         * empty ones to fill.
         */
        VerdictForm padded() {
            List<Row> typed = rows();
            int last = typed.size() - 1;
            while (last >= 0 && typed.get(last).url.isBlank() && typed.get(last).title.isBlank()
                    && typed.get(last).note.isBlank()) {
                last--;
            }
            evidenceUrl = new ArrayList<>();
            evidenceTitle = new ArrayList<>();
            evidenceStance = new ArrayList<>();
            evidenceNote = new ArrayList<>();
            for (Row row : typed.subList(0, last + 1)) {
                add(row.url, row.title, row.stance, row.note);
            }
            for (int i = 0; i < EMPTY_ROWS; i++) {
                add("", "", "", ""); // no stance until the reviewer picks one: a refuting link must not pass as support
            }
            return this;
        }

        private void add(String url, String title, String stance, String note) {
            evidenceUrl.add(url);
            evidenceTitle.add(title);
            evidenceStance.add(stance);
            evidenceNote.add(note);
        }

        /** The rows with their field errors joined; errors name rows "evidence[i]" in the order of the kept rows. */
        public List<Row> rowsWith(Map<String, String> errors) {
            return rows().stream().map(r -> new Row(r.index, r.url, r.title, r.stance, r.note,
                    errors.entrySet().stream().filter(e -> e.getKey().startsWith("evidence[" + r.index + "]."))
                            .map(Map.Entry::getValue).reduce((a, b) -> a + " " + b).orElse(null)))
                    .toList();
        }

        public List<Row> rows() {
            int count = Math.max(Math.max(evidenceUrl.size(), evidenceTitle.size()),
                    Math.max(evidenceStance.size(), evidenceNote.size()));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rows.add(new Row(i, at(evidenceUrl, i), at(evidenceTitle, i), at(evidenceStance, i), at(evidenceNote, i),
                        null));
            }
            return rows;
        }

        public VerdictInput toInput(Long parsedVersion) {
            List<VerdictInput.EvidenceInput> evidence = rows().stream()
                    .map(r -> new VerdictInput.EvidenceInput(r.url, r.title, r.stance, r.note)).toList();
            return new VerdictInput(status, rationale, evidence, parsedVersion);
        }

        private static String at(List<String> values, int i) {
            return i < values.size() && values.get(i) != null ? values.get(i) : "";
        }
    }
}
