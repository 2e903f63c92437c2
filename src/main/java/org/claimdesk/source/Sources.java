package org.claimdesk.source;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.claim.Claim;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.Stale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The sources pages: the searchable list, a source's profile, adding and editing one, and merging two. */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class Sources {

    static final int LATEST_CLAIMS = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SourceFilter filter, SourceSearch.Page page, List<SourceKind> kinds);

        static native TemplateInstance show(Source source, ClaimCounts counts, List<Claim> latest, String target,
                Map<String, String> errors);

        /** Adding ({@code id} null) or editing a source; {@code current} is set when an edit came too late. */
        static native TemplateInstance form(Long id, SourceForm form, Source current, List<SourceKind> kinds,
                Map<String, String> errors);
    }

    @Inject
    SourceRules rules;

    @Inject
    SourceSearch search;

    @GET
    @RolesAllowed(Role.VIEWER)
    public TemplateInstance index(@RestQuery String q, @RestQuery String kind, @RestQuery String country,
            @RestQuery String after, @RestQuery String before) {
        SourceFilter filter = SourceFilter.parse(q, kind, country);
        return Templates.index(filter, search.page(filter, blankToNull(after), blankToNull(before)), kinds());
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance initCreationForm() {
        return Templates.form(null, SourceForm.empty(), null, kinds(), Map.of());
    }

    @POST
    @RolesAllowed(Role.REVIEWER)
    public Response processCreationForm(@BeanParam SourceForm form) {
        try {
            Source created = rules.create(form.input());
            return Flash.redirect(Routes.source(created.id), "Added the source \"" + created.name + "\".");
        } catch (ClientError refused) {
            return refusedWith(refused, () -> Templates.form(null, form, null, kinds(), refused.byField()));
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    public TemplateInstance show(@RestPath long id) {
        return profile(SourceRules.find(id), "", Map.of());
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance initUpdateForm(@RestPath long id) {
        return Templates.form(id, SourceForm.of(SourceRules.find(id)), null, kinds(), Map.of());
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Role.REVIEWER)
    public Response processUpdateForm(@RestPath long id, @BeanParam SourceForm form) {
        try {
            Source updated = rules.update(id, form.input(), form.version());
            return Flash.redirect(Routes.source(id), "Saved the source \"" + updated.name + "\".");
        } catch (Stale late) {
            // nothing is overwritten: show theirs, and keep the user's edit in a form that now carries their version
            Source current = SourceRules.find(id);
            return Response.status(late.status())
                    .entity(Templates.form(id, form.over(current), current, kinds(), Map.of())).build();
        } catch (ClientError refused) {
            return refusedWith(refused, () -> Templates.form(id, form, null, kinds(), refused.byField()));
        }
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed(Role.ADMIN)
    public Response merge(@RestPath long id, @RestForm String target, @RestForm Long version) {
        try {
            SourceRules.Merged merged = rules.merge(id, target, version);
            return Flash.redirect(Routes.source(merged.target().id), "Merged \"" + merged.mergedName() + "\" into \""
                    + merged.target().name + "\": moved " + count(merged.claims(), "claim") + " and "
                    + count(merged.articles(), "article") + ". Its name and aliases are now aliases of this source.");
        } catch (ClientError refused) {
            return refusedWith(refused, () -> profile(SourceRules.find(id), target, refused.byField()));
        }
    }

    private TemplateInstance profile(Source source, String target, Map<String, String> errors) {
        List<Claim> latest = Claim.<Claim> find("source.id = ?1", Sort.descending("createdAt", "id"), source.id)
                .page(0, LATEST_CLAIMS).list();
        return Templates.show(source, search.counts(source.id), latest, target == null ? "" : target, errors);
    }

    /** A refusal that names fields shows the form again with them; any other is an error page. */
    private static Response refusedWith(ClientError refused, Supplier<TemplateInstance> page) {
        if (refused.fieldErrors().isEmpty()) {
            throw refused;
        }
        return Response.status(refused.status()).entity(page.get()).build();
    }

    private static List<SourceKind> kinds() {
        return List.of(SourceKind.values());
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
