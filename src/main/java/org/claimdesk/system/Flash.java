package org.claimdesk.system;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * A one-time message carried by a cookie across the redirect that follows a successful POST,
 * then shown once by the layout and cleared.
 */
public record Flash(String level, String text) {

    public static final String COOKIE = "claimdesk-flash";

    public static NewCookie notice(String text) {
        return cookie("notice", text);
    }

    /** The answer to a successful form: 303 to {@code location}, which then shows {@code notice} once. */
    public static Response redirect(String location, String notice) {
        return Response.seeOther(URI.create(location)).cookie(notice(notice)).build();
    }

    /** For code that answers below JAX-RS, such as the login check. */
    public static void error(RoutingContext context, String text) {
        context.response().addCookie(Cookie.cookie(COOKIE, encode("error", text)).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setMaxAge(120).setSecure(context.request().isSSL()));
    }

    public static Optional<Flash> read(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // a cookie we did not write
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String level = decoded.substring(0, colon);
        if (!level.equals("notice") && !level.equals("warning") && !level.equals("error")) {
            return Optional.empty();
        }
        return Optional.of(new Flash(level, decoded.substring(colon + 1)));
    }

    public static NewCookie expired() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true).build();
    }

    private static NewCookie cookie(String level, String text) {
        return new NewCookie.Builder(COOKIE).value(encode(level, text)).path("/").maxAge(120).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String encode(String level, String text) {
        return URLEncoder.encode(level + ":" + text, StandardCharsets.UTF_8);
    }
}
