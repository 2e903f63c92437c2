package org.claimdesk.workflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A mention stays in someone's queue until they open the claim: a claim's page, shown to them, clears it. A filter,
 * so that the claim's page itself needs to know nothing of notes.
 */
public class MentionsSeen {

    private static final Pattern CLAIM_PAGE = Pattern.compile("/claims/(\\d{1,18})");

    @Inject
    NoteRules notes;

    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void opened(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !"GET".equals(request.getMethod()) || identity.isAnonymous()) {
            return;
        }
        Matcher page = CLAIM_PAGE.matcher(request.getUriInfo().getPath());
        if (page.matches()) {
            notes.seen(Long.parseLong(page.group(1)), identity.getPrincipal().getName());
        }
    }
}
