package org.claimdesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Versioned addresses of the app's own static files: {@code /static/claimdesk.css?v=<hash of its bytes>}. A
 * request for a versioned address may be kept by the browser for a year without asking again, and a build that
 * changes the file changes its address, so nobody is left with yesterday's stylesheet. Unversioned addresses keep
 * Quarkus's default of a day.
 */
@ApplicationScoped
public class AssetVersions {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final Map<String, String> VERSIONED = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.route("/static/*").order(-1).handler(context -> {
            if (context.request().getParam("v") != null) {
                context.addHeadersEndHandler(ended -> {
                    if (context.response().getStatusCode() == 200) {
                        context.response().headers().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
                    }
                });
            }
            context.next();
        });
    }

    /** {@code path} (under META-INF/resources) with its version; unversioned if the file is not in the build. */
    static String of(String path) {
        return VERSIONED.computeIfAbsent(path, AssetVersions::version);
    }

    private static String version(String path) {
        try (InputStream in = AssetVersions.class.getClassLoader().getResourceAsStream("META-INF/resources" + path)) {
            if (in == null) {
                return path;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(in.readAllBytes());
            return path + "?v=" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
