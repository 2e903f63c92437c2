package org.claimdesk.system;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages change things only through HTML forms. The CSRF filter checks the token of form bodies only, so a write
 * to a page route in any other content type (or none) is refused here before it can skip that check.
 */
public class FormOnlyWrites {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ErrorPages pages;

    @ServerRequestFilter(preMatching = true)
    public Response refuseNonForms(ContainerRequestContext request) {
        String path = ErrorPages.pathOf(request.getUriInfo());
        if (SAFE.contains(request.getMethod()) || Problems.isApi(path) || isForm(request.getMediaType())) {
            return null;
        }
        return pages.response(415, "Pages accept changes only from their own forms. Reload the page and submit "
                + "the form again.", path);
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
