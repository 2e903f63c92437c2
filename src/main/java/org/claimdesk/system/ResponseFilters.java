package org.claimdesk.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives bodiless error responses (such as a refused CSRF token) a readable body, and clears shown flash messages. */
public class ResponseFilters {

    @Inject
    ErrorPages pages;

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            Response page = pages.response(status, null, ErrorPages.pathOf(request.getUriInfo()));
            response.setEntity(page.getEntity());
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, page.getMediaType().toString());
        }
        if (status == 200 && request.getCookies().containsKey(Flash.COOKIE)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.expired());
        }
    }
}
