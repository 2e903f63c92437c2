package org.claimdesk.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with a readable 413, where Quarkus alone
 * would close the connection with an empty one. It runs before login and before the resources, so it cannot use
 * the layout.
 */
@ApplicationScoped
public class OversizedRequests {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    Problems problems;

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                refuse(context);
            } else {
                context.next();
            }
        });
        router.errorHandler(413, this::refuse);
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Quarkus itself rejects a malformed length
        }
    }

    private void refuse(RoutingContext context) {
        if (context.response().headWritten()) {
            return;
        }
        String detail = "What you sent is larger than Claimdesk accepts (" + maxBodySize.asLongValue() / (1024 * 1024)
                + " MB at most). Nothing was stored.";
        String path = context.normalizedPath();
        boolean api = Problems.isApi(path);
        String body = api ? problems.json(413, ErrorPages.title(413), detail, path)
                : ErrorPages.Templates.bare(413, ErrorPages.title(413), detail).render();
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, api ? Problems.MEDIA_TYPE : "text/html;charset=UTF-8")
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(body);
    }
}
