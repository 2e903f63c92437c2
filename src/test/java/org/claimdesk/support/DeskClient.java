package org.claimdesk.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser stand-in for HTTP tests: keeps its cookies, logs in through the real form, and sends the CSRF token
 * of the last page it read with every form it posts, as a browser would.
 */
public class DeskClient {

    public static final String SESSION_COOKIE = "claimdesk-session";
    public static final String CSRF_FIELD = "csrf-token";
    /** As browsers send forms of a UTF-8 page; without the charset RestAssured would encode them as ISO-8859-1. */
    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    public static DeskClient anonymous() {
        return new DeskClient();
    }

    /** Logs in through {@code /j_security_check}; fails the test if the login is refused. */
    public static DeskClient loggedIn(String username, String password) {
        DeskClient client = new DeskClient();
        Response response = client.login(username, password);
        assertEquals(302, response.statusCode(), "login of " + username + " should redirect");
        assertTrue(client.cookies.containsKey(SESSION_COOKIE), "login of " + username + " should set a session");
        return client;
    }

    /** A client holding nothing but a copy of someone's session cookie. */
    public static DeskClient withSession(String sessionCookie) {
        DeskClient client = new DeskClient();
        client.cookies.put(SESSION_COOKIE, sessionCookie);
        return client;
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Response login(String username, String password) {
        Response response = request().formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        remember(response);
        return response;
    }

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        Matcher m = CSRF_INPUT.matcher(response.asString());
        if (m.find()) {
            csrfToken = m.group(1);
        }
        return response;
    }

    /** Follows a link as found in a page's HTML: already URL-encoded, with {@code &amp;} between parameters. */
    public Response follow(String href) {
        Response response = request().urlEncodingEnabled(false).get(href.replace("&amp;", "&"));
        remember(response);
        return response;
    }

    /** Posts a form with the CSRF token of the last page read, after reading {@code formPage} if given. */
    public Response post(String path, String... fields) {
        RequestSpecification spec = request().contentType(FORM);
        if (csrfToken != null) {
            spec.formParam(CSRF_FIELD, csrfToken);
        }
        for (int i = 0; i < fields.length; i += 2) {
            spec.formParam(fields[i], fields[i + 1]);
        }
        Response response = spec.post(path);
        remember(response);
        return response;
    }

    /**
     * Posts a multipart form with one file ({@code fileName}, {@code content} as UTF-8, {@code mimeType}) and the
     * CSRF token of the last page read, as a browser sends a form with a file input.
     */
    public Response postFile(String path, String fileName, byte[] content, String mimeType, String... fields) {
        RequestSpecification spec = request().contentType("multipart/form-data")
                .multiPart("file", fileName, content, mimeType);
        if (csrfToken != null) {
            spec.multiPart(CSRF_FIELD, csrfToken);
        }
        for (int i = 0; i < fields.length; i += 2) {
            spec.multiPart(fields[i], fields[i + 1]);
        }
        Response response = spec.post(path);
        remember(response);
        return response;
    }

    /** Posts a form with no CSRF token at all, as a forged cross-site form would. */
    public Response postWithoutToken(String path, String... fields) {
        RequestSpecification spec = request().contentType(FORM);
        for (int i = 0; i < fields.length; i += 2) {
            spec.formParam(fields[i], fields[i + 1]);
        }
        return spec.post(path);
    }

    /** The CSRF token of the last page read, for forms the helpers here cannot post (file uploads). */
    public String csrfToken() {
        return csrfToken;
    }

    public boolean hasSession() {
        return cookies.containsKey(SESSION_COOKIE);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    private void remember(Response response) {
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }
}
