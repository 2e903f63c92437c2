package org.claimdesk.reviewer;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ClientError;

import io.quarkus.security.identity.SecurityIdentity;

/** The account endpoints of the JSON API, for scripts and provisioning. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsApi {

    public record Me(String username, List<String> roles) {
    }

    public record NewAccount(String username, String password, String role) {
    }

    public record Account(long id, String username, String role, boolean active) {
        static Account of(Reviewer reviewer) {
            return new Account(reviewer.id, reviewer.username, reviewer.role, reviewer.active);
        }
    }

    public record AccountList(List<Account> items) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    AccountRules rules;

    @GET
    @Path("me")
    @RolesAllowed(Role.VIEWER)
    public Me me() {
        return new Me(identity.getPrincipal().getName(), List.copyOf(new TreeSet<>(identity.getRoles())));
    }

    @GET
    @Path("admin/accounts")
    @RolesAllowed(Role.ADMIN)
    public AccountList list() {
        return new AccountList(Reviewer.listByName().stream().map(Account::of).toList());
    }

    @POST
    @Path("admin/accounts")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with username, password and role.");
        }
        Reviewer created = rules.create(request.username(), request.password(), request.role());
        return Response.created(URI.create("/api/admin/accounts/" + created.id)).entity(Account.of(created)).build();
    }
}
