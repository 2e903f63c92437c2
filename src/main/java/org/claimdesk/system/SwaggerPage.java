package org.claimdesk.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Swagger UI's page without inline scripts. The page that Quarkus ships configures Swagger UI in inline scripts, which
 * the Content-Security-Policy refuses (and should); this one loads the same files and starts them from
 * {@code /static/swagger-init.js}. It answers wherever Quarkus's page would, and only when Swagger UI is on
 * ({@code quarkus.swagger-ui.enabled}: on in dev and test; in prod off unless {@code QUARKUS_SWAGGER_UI_ENABLED=true}).
 * Like every page but the login, it needs a login.
 */
@ApplicationScoped
public class SwaggerPage {

    static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Claimdesk API</title>
            <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/q/swagger-ui/swagger-ui.css">
            </head>
            <body>
            <div id="swagger-ui" data-openapi="/q/openapi"></div>
            <script src="/q/swagger-ui/swagger-ui-bundle.js"></script>
            <script src="/static/swagger-init.js"></script>
            </body>
            </html>
            """;

    @ConfigProperty(name = "quarkus.swagger-ui.enabled", defaultValue = "true")
    boolean enabled;

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        // before Quarkus's own handler of the same path
        router.getWithRegex("/q/swagger-ui/?(index\\.html)?").order(-1).handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(PAGE));
    }
}
