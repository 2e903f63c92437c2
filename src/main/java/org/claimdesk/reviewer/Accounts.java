package org.claimdesk.reviewer;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ClientError;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The administrators' pages: list accounts, create one, change a role, deactivate, reset a password. */
@Path("/admin/accounts")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class Accounts {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Reviewer> accounts);

        static native TemplateInstance create(String username, String role, List<Role> roles,
                Map<String, String> errors);

        static native TemplateInstance show(Reviewer account, List<Role> roles, boolean self,
                Map<String, String> errors);
    }

    @Inject
    AccountRules rules;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance index() {
        return Templates.index(Reviewer.listByName());
    }

    @GET
    @Path("new")
    public TemplateInstance initCreationForm() {
        return Templates.create("", Role.reviewer.name(), List.of(Role.values()), Map.of());
    }

    @POST
    public Response processCreationForm(@RestForm String username, @RestForm String password, @RestForm String role) {
        try {
            Reviewer created = rules.create(username, password, role);
            return Flash.redirect(Routes.accounts(), "Created the account \"" + created.username + "\" (" + created.role
                    + "). Give them their password through a safe channel.");
        } catch (ClientError refused) {
            return Response.status(refused.status())
                    .entity(Templates.create(username == null ? "" : username, role, List.of(Role.values()),
                            byField(refused)))
                    .build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath long id) {
        Reviewer account = find(id);
        return Templates.show(account, List.of(Role.values()), isSelf(account), Map.of());
    }

    @POST
    @Path("{id}/role")
    public Response changeRole(@RestPath long id, @RestForm String role, @RestForm Long version) {
        return change(id, () -> rules.changeRole(id, role, version), "Changed the role of \"%s\" to %s.");
    }

    @POST
    @Path("{id}/active")
    public Response setActive(@RestPath long id, @RestForm Boolean active, @RestForm Long version) {
        if (active == null) {
            throw ClientError.badRequest("Say whether the account should be active.");
        }
        if (!active && isSelf(find(id))) {
            throw ClientError.conflict("You cannot deactivate your own account.");
        }
        return change(id, () -> rules.setActive(id, active, version),
                active ? "Reactivated \"%s\" (%s)." : "Deactivated \"%s\" (%s). They can no longer log in.");
    }

    @POST
    @Path("{id}/password")
    public Response resetPassword(@RestPath long id, @RestForm String password, @RestForm Long version) {
        if (isSelf(find(id))) {
            throw ClientError.conflict("Change your own password on your account page, which asks for the current one.");
        }
        return change(id, () -> rules.resetPassword(id, password, version),
                "Set a new password for \"%s\" (%s). Give it to them through a safe channel.");
    }

    private Response change(long id, java.util.function.Supplier<Reviewer> action, String notice) {
        try {
            Reviewer changed = action.get();
            return Flash.redirect(Routes.account(id), String.format(notice, changed.username, changed.role));
        } catch (ClientError refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            Reviewer account = find(id);
            return Response.status(refused.status())
                    .entity(Templates.show(account, List.of(Role.values()), isSelf(account), byField(refused)))
                    .build();
        }
    }

    private boolean isSelf(Reviewer account) {
        return account.username.equals(identity.getPrincipal().getName());
    }

    private static Reviewer find(long id) {
        return Reviewer.<Reviewer> findByIdOptional(id)
                .orElseThrow(() -> ClientError.notFound("There is no account with id " + id + "."));
    }

    static Map<String, String> byField(ClientError error) {
        return error.byField();
    }
}
