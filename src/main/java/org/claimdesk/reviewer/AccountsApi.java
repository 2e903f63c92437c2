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

import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

/** The account endpoints of the JSON API, for scripts and provisioning. */
@Path("/api")
@Tag(name = "Accounts")
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
    @Operation(summary = "Who am I", description = "The account the request is made as, with every role it holds.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "me", value = """
                    {"username":"chief","roles":["admin","reviewer","viewer"]}""")))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Me me() {
        return new Me(identity.getPrincipal().getName(), List.copyOf(new TreeSet<>(identity.getRoles())));
    }

    @GET
    @Path("admin/accounts")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "List accounts", description = "Admins. Every account in name order.")
    @APIResponse(responseCode = "200", description = "The accounts", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "accounts", value = """
                    {"items":[{"id":1,"username":"chief","role":"admin","active":true}]}""")))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public AccountList list() {
        return new AccountList(Reviewer.listByName().stream().map(Account::of).toList());
    }

    @POST
    @Path("admin/accounts")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account", description = """
            Admins. role is admin, reviewer or viewer; the password has 12 characters or more and is not a common \
            one.""")
    @RequestBody(description = "The account", required = true, content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "account", value = """
                    {"username":"sam","password":"another long passphrase","role":"reviewer"}""")))
    @APIResponse(responseCode = "201", description = "The account", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "created", value = """
                    {"id":2,"username":"sam","role":"reviewer","active":true}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response create(NewAccount request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with username, password and role.");
        }
        Reviewer created = rules.create(request.username(), request.password(), request.role());
        return Response.created(URI.create("/api/admin/accounts/" + created.id)).entity(Account.of(created)).build();
    }
}
