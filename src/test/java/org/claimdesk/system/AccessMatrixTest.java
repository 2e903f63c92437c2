package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;

/**
 * The access-control matrix: every route of the application, pages and API, walked as each kind of caller. The
 * routes are read from the application's own JAX-RS classes, so a new route without a row here fails the test.
 * To extend it, add one {@link Row} to {@link #rows()}: the route as its {@code @Path} spells it, an address with
 * real ids, the least role that may use it, and what that role gets for the empty request sent.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Who calls: nobody, an account per role, and an account deactivated while its session was open. */
    enum Caller {
        anonymous, viewer, reviewer, admin, deactivated
    }

    /** Who may use a route. {@code PUBLIC} routes answer everyone; the rest need at least this role. */
    enum Least {
        PUBLIC, VIEWER, REVIEWER, ADMIN;

        boolean admits(Caller caller) {
            return switch (caller) {
                case anonymous, deactivated -> this == PUBLIC;
                case viewer -> this.ordinal() <= VIEWER.ordinal();
                case reviewer -> this.ordinal() <= REVIEWER.ordinal();
                case admin -> true;
            };
        }
    }

    /**
     * One route: {@code template} as declared ({@code GET /claims/{id}}), {@code path} with real ids, who may use
     * it, and the status an admitted caller gets for an empty form or JSON body (GETs: the page itself).
     * {@code missing} is that address with an id that does not exist, or null when the route has no id to miss.
     */
    record Row(String method, String template, String path, Least least, int admitted, String missing,
            Map<Caller, Integer> exceptions) {

        Row(String method, String template, String path, Least least, int admitted, String missing) {
            this(method, template, path, least, admitted, missing, Map.of());
        }

        /** This row, with {@code status} for {@code caller} instead of what its role alone would say. */
        Row except(Caller caller, int status) {
            Map<Caller, Integer> more = new EnumMap<>(Caller.class);
            more.putAll(exceptions);
            more.put(caller, status);
            return new Row(method, template, path, least, admitted, missing, more);
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        String key() {
            return method + " " + template;
        }
    }

    /** Routes that are not JAX-RS methods but are served all the same (the login mechanism, static files). */
    private static final Set<String> NOT_JAX_RS = Set.of("POST /j_security_check", "GET /static/claimdesk.css",
            "GET /q/health/ready", "GET /static/claimdesk.js", "GET /q/swagger-ui", "GET /q/openapi");

    /** Page forms that take only a file upload (multipart), sent an empty file. */
    private static final Set<String> UPLOADS = Set.of("POST /imports/claimreview", "POST /imports/tables");

    private static final long MISSING = 987_654_321L;

    private List<Row> rows() {
        Source source = DeskData.source("Matrix", SourceKind.other);
        Source other = DeskData.source("Matrix other", SourceKind.other);
        Claim claim = DeskData.claim(source, "The matrix walks every route.");
        Article article = DeskData.article("Matrix article", "Body text of the matrix article.", source);
        long account = Accounts.find(Accounts.create(Role.viewer)).id;
        String c = "/claims/" + claim.id;
        String s = "/sources/" + source.id;
        String a = "/articles/" + article.id;
        String acc = "/admin/accounts/" + account;
        String gone = "/" + MISSING;
        // a published claim, and one published then taken offline: only the first is public
        Claim decided = DeskData.claim(source, "The matrix publishes this claim.", ClaimStatus.verified, null);
        Claim withdrawn = DeskData.claim(source, "The matrix unpublishes this claim.", ClaimStatus.disputed, null);
        String live = publish(decided.id);
        String offline = publish(withdrawn.id);
        publisher().request().delete("/api/claims/" + withdrawn.id + "/publication").then().statusCode(204);
        String pc = "/claims/" + decided.id + "/publication";
        List<Row> rows = new ArrayList<>(List.of(
                // the login mechanism and what anyone may read
                // signed in, the login page sends you on to the dashboard
                new Row("GET", "/login", "/login", Least.PUBLIC, 200, null).except(Caller.viewer, 303)
                        .except(Caller.reviewer, 303).except(Caller.admin, 303),
                new Row("POST", "/j_security_check", "/j_security_check", Least.PUBLIC, 302, null),
                new Row("GET", "/static/claimdesk.css", "/static/claimdesk.css", Least.PUBLIC, 200, null),
                new Row("GET", "/q/health/ready", "/q/health/ready", Least.PUBLIC, 200, null),
                new Row("GET", "/static/claimdesk.js", "/static/claimdesk.js", Least.PUBLIC, 200, null),
                // the public fact-checks: only live publications, a slug taken offline is 404 to everyone
                new Row("GET", "/fact-checks", "/fact-checks", Least.PUBLIC, 200, null),
                new Row("GET", "/fact-checks/{slug}", "/fact-checks/" + live, Least.PUBLIC, 200,
                        "/fact-checks/" + offline),
                new Row("GET", "/fact-checks.atom", "/fact-checks.atom", Least.PUBLIC, 200, null),
                new Row("GET", "/fact-checks.jsonld", "/fact-checks.jsonld", Least.PUBLIC, 200, null),
                // the API's description and its page need a login like every other page
                new Row("GET", "/q/swagger-ui", "/q/swagger-ui", Least.VIEWER, 200, null),
                new Row("GET", "/q/openapi", "/q/openapi", Least.VIEWER, 200, null),
                // pages
                new Row("GET", "/", "/", Least.VIEWER, 200, null),
                new Row("GET", "/account", "/account", Least.VIEWER, 200, null),
                new Row("POST", "/account/password", "/account/password", Least.VIEWER, 400, null),
                new Row("GET", "/claims", "/claims", Least.VIEWER, 200, null),
                new Row("GET", "/claims/new", "/claims/new", Least.REVIEWER, 200, null),
                new Row("POST", "/claims", "/claims", Least.REVIEWER, 400, null),
                new Row("GET", "/claims/{id}", c, Least.VIEWER, 200, "/claims" + gone),
                new Row("GET", "/claims/{id}/edit", c + "/edit", Least.REVIEWER, 200, "/claims" + gone + "/edit"),
                new Row("POST", "/claims/{id}", c, Least.REVIEWER, 400, "/claims" + gone),
                new Row("POST", "/claims/{id}/verdicts", c + "/verdicts", Least.REVIEWER, 400,
                        "/claims" + gone + "/verdicts"),
                new Row("POST", "/claims/{id}/links", c + "/links", Least.REVIEWER, 400, "/claims" + gone + "/links"),
                new Row("POST", "/claims/{id}/attribution-verdicts", c + "/attribution-verdicts", Least.REVIEWER, 400,
                        "/claims" + gone + "/attribution-verdicts"),
                new Row("POST", "/claims/{id}/links/{linkId}/delete", c + "/links/" + MISSING + "/delete",
                        Least.REVIEWER, 404, null),
                // the editorial workflow (issue 18): the claim is undecided, so there is nothing to approve (409)
                new Row("POST", "/claims/{id}/approvals", c + "/approvals", Least.REVIEWER, 400,
                        "/claims" + gone + "/approvals"),
                new Row("POST", "/claims/{id}/notes", c + "/notes", Least.REVIEWER, 400, "/claims" + gone + "/notes"),
                new Row("POST", "/claims/bulk", "/claims/bulk", Least.REVIEWER, 400, null),
                new Row("GET", "/sources", "/sources", Least.VIEWER, 200, null),
                new Row("GET", "/sources/new", "/sources/new", Least.REVIEWER, 200, null),
                new Row("POST", "/sources", "/sources", Least.REVIEWER, 400, null),
                new Row("GET", "/sources/{id}", s, Least.VIEWER, 200, "/sources" + gone),
                new Row("GET", "/sources/{id}/edit", s + "/edit", Least.REVIEWER, 200, "/sources" + gone + "/edit"),
                new Row("POST", "/sources/{id}", s, Least.REVIEWER, 400, "/sources" + gone),
                new Row("POST", "/sources/{id}/merge", "/sources/" + other.id + "/merge", Least.ADMIN, 400,
                        "/sources" + gone + "/merge"),
                new Row("GET", "/articles", "/articles", Least.VIEWER, 200, null),
                new Row("GET", "/articles/new", "/articles/new", Least.REVIEWER, 200, null),
                new Row("POST", "/articles", "/articles", Least.REVIEWER, 400, null),
                new Row("GET", "/articles/{id}", a, Least.VIEWER, 200, "/articles" + gone),
                new Row("GET", "/articles/{id}/edit", a + "/edit", Least.REVIEWER, 200, "/articles" + gone + "/edit"),
                new Row("POST", "/articles/{id}", a, Least.REVIEWER, 400, "/articles" + gone),
                new Row("POST", "/articles/new", "/articles/new", Least.REVIEWER, 400, null),
                // an import's draft belongs to the reviewer who started it: nobody else's id exists
                new Row("GET", "/articles/new/{id}", "/articles/new" + gone, Least.REVIEWER, 404, null),
                new Row("POST", "/articles/new/{id}", "/articles/new" + gone, Least.REVIEWER, 404, null),
                new Row("POST", "/claims/{id}/publication", "/claims/" + claim.id + "/publication", Least.REVIEWER,
                        409, "/claims" + gone + "/publication"),
                new Row("POST", "/claims/{id}/publication/delete", "/claims/" + claim.id + "/publication/delete",
                        Least.REVIEWER, 409, "/claims" + gone + "/publication/delete"),
                new Row("POST", "/claims/{id}/publication/correction", pc + "/correction", Least.REVIEWER, 400,
                        "/claims" + gone + "/publication/correction"),
                new Row("GET", "/imports/claimreview", "/imports/claimreview", Least.REVIEWER, 200, null),
                new Row("POST", "/imports/claimreview", "/imports/claimreview", Least.REVIEWER, 400, null),
                new Row("GET", "/imports/tables", "/imports/tables", Least.REVIEWER, 200, null),
                new Row("POST", "/imports/tables", "/imports/tables", Least.REVIEWER, 400, null),
                new Row("GET", "/imports/tables/{id}", "/imports/tables" + gone, Least.REVIEWER, 404, null),
                new Row("POST", "/imports/tables/{id}/start", "/imports/tables" + gone + "/start", Least.REVIEWER,
                        404, null),
                new Row("GET", "/imports/tables/{id}/report.csv", "/imports/tables" + gone + "/report.csv",
                        Least.REVIEWER, 404, null),
                new Row("GET", "/admin/ratings", "/admin/ratings", Least.ADMIN, 200, null),
                new Row("POST", "/admin/ratings", "/admin/ratings", Least.ADMIN, 400, null),
                // no wording is empty, so there is nothing to remove
                new Row("POST", "/admin/ratings/delete", "/admin/ratings/delete", Least.ADMIN, 404, null),
                new Row("GET", "/admin/accounts", "/admin/accounts", Least.ADMIN, 200, null),
                new Row("GET", "/admin/accounts/new", "/admin/accounts/new", Least.ADMIN, 200, null),
                new Row("POST", "/admin/accounts", "/admin/accounts", Least.ADMIN, 400, null),
                new Row("GET", "/admin/accounts/{id}", acc, Least.ADMIN, 200, "/admin/accounts" + gone),
                new Row("POST", "/admin/accounts/{id}/role", acc + "/role", Least.ADMIN, 400,
                        "/admin/accounts" + gone + "/role"),
                new Row("POST", "/admin/accounts/{id}/active", acc + "/active", Least.ADMIN, 400, null),
                new Row("POST", "/admin/accounts/{id}/password", acc + "/password", Least.ADMIN, 400,
                        "/admin/accounts" + gone + "/password"),
                new Row("GET", "/admin/audit", "/admin/audit", Least.ADMIN, 200, null),
                // the API
                new Row("GET", "/api/me", "/api/me", Least.VIEWER, 200, null),
                new Row("GET", "/api/admin/accounts", "/api/admin/accounts", Least.ADMIN, 200, null),
                new Row("POST", "/api/admin/accounts", "/api/admin/accounts", Least.ADMIN, 400, null),
                new Row("GET", "/api/claims", "/api/claims", Least.VIEWER, 200, null),
                new Row("POST", "/api/claims", "/api/claims", Least.REVIEWER, 400, null),
                new Row("GET", "/api/claims/{id}", "/api" + c, Least.VIEWER, 200, "/api/claims" + gone),
                new Row("POST", "/api/claims/{id}/verdicts", "/api" + c + "/verdicts", Least.REVIEWER, 400,
                        "/api/claims" + gone + "/verdicts"),
                new Row("POST", "/api/claims/{id}/attribution-verdicts", "/api" + c + "/attribution-verdicts",
                        Least.REVIEWER, 400, "/api/claims" + gone + "/attribution-verdicts"),
                new Row("PUT", "/api/claims/{id}/attribution", "/api" + c + "/attribution", Least.REVIEWER, 400,
                        "/api/claims" + gone + "/attribution"),
                new Row("GET", "/api/claims/{id}/related", "/api" + c + "/related", Least.VIEWER, 200,
                        "/api/claims" + gone + "/related"),
                new Row("POST", "/api/claims/{id}/approvals", "/api" + c + "/approvals", Least.REVIEWER, 400,
                        "/api/claims" + gone + "/approvals"),
                new Row("POST", "/api/claims/{id}/notes", "/api" + c + "/notes", Least.REVIEWER, 400,
                        "/api/claims" + gone + "/notes"),
                new Row("POST", "/api/claims/bulk", "/api/claims/bulk", Least.REVIEWER, 400, null),
                new Row("POST", "/api/claims/matches", "/api/claims/matches", Least.VIEWER, 400, null),
                new Row("GET", "/checked-before", "/checked-before?text=workers", Least.VIEWER, 200, null),
                new Row("POST", "/checked-before", "/checked-before", Least.VIEWER, 400, null),
                new Row("GET", "/api/sources", "/api/sources", Least.VIEWER, 200, null),
                new Row("POST", "/api/sources", "/api/sources", Least.REVIEWER, 400, null),
                new Row("GET", "/api/sources/{id}", "/api" + s, Least.VIEWER, 200, "/api/sources" + gone),
                new Row("POST", "/api/articles", "/api/articles", Least.REVIEWER, 400, null),
                new Row("GET", "/api/articles/{id}", "/api" + a, Least.VIEWER, 200, "/api/articles" + gone),
                new Row("POST", "/api/extractions", "/api/extractions", Least.REVIEWER, 400, null),
                new Row("POST", "/api/claims/{id}/publication", "/api" + c + "/publication", Least.REVIEWER, 409,
                        "/api/claims" + gone + "/publication"),
                new Row("DELETE", "/api/claims/{id}/publication", "/api" + c + "/publication", Least.REVIEWER, 409,
                        "/api/claims" + gone + "/publication"),
                new Row("GET", "/api/claims/{id}/claimreview", "/api" + c + "/claimreview", Least.REVIEWER, 409,
                        "/api/claims" + gone + "/claimreview"),
                // {} is a document that is no ClaimReview: the report rejects it, and nothing is stored
                new Row("POST", "/api/imports/claimreview", "/api/imports/claimreview", Least.REVIEWER, 200, null),
                new Row("GET", "/api/exports/claims.csv", "/api/exports/claims.csv", Least.VIEWER, 200, null),
                // logging out ends the caller's session, so it is walked last
                new Row("POST", "/logout", "/logout", Least.VIEWER, 303, null)));
        return rows;
    }

    @Test
    void everyRouteOfTheApplicationHasARow() throws IOException {
        Set<String> declared = declaredRoutes();
        Set<String> listed = new TreeSet<>();
        rows().forEach(row -> listed.add(row.key()));
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(listed);
        assertTrue(missing.isEmpty(), "routes of the application with no row in the access matrix: " + missing);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(declared);
        stale.removeAll(NOT_JAX_RS);
        assertTrue(stale.isEmpty(), "rows for routes the application no longer has: " + stale);
        assertTrue(declared.size() > 40, "the scan found the application's routes: " + declared);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSaysOnEveryRoute() {
        List<Row> rows = rows();
        Map<Caller, DeskClient> callers = callers();
        Map<Caller, DeskClient> leaving = callers(); // sessions for the logout row, which ends them
        long reviews = DeskData.number("SELECT count(*) FROM review");
        long claims = DeskData.number("SELECT count(*) FROM claim");
        long sources = DeskData.number("SELECT count(*) FROM source");
        long accounts = DeskData.number("SELECT count(*) FROM reviewer");
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                DeskClient client = (row.key().equals("POST /logout") ? leaving : callers).get(caller);
                Response response = send(client, row, row.path());
                int expected = expected(row, caller);
                cells++;
                if (response.statusCode() != expected) {
                    wrong.add(caller + " " + row.method() + " " + row.path() + ": expected " + expected + ", got "
                            + response.statusCode());
                } else if (expected == 302 && !row.least().admits(caller)
                        && !response.header("Location").endsWith("/login")) {
                    wrong.add(caller + " " + row.method() + " " + row.path() + " redirected to "
                            + response.header("Location"));
                }
            }
        }
        System.out.printf("Access matrix: %d routes x %d callers = %d cells%n", rows.size(), Caller.values().length,
                cells);
        assertEquals(List.of(), wrong);
        assertEquals(reviews, DeskData.number("SELECT count(*) FROM review"), "no decision was stored");
        assertEquals(claims, DeskData.number("SELECT count(*) FROM claim"), "no claim was stored");
        assertEquals(sources, DeskData.number("SELECT count(*) FROM source"), "no source was stored");
        assertEquals(accounts, DeskData.number("SELECT count(*) FROM reviewer"), "no account was stored");
    }

    @Test
    void aMissingIdIs404ForEveryoneWhoMaySeeThatKindOfObject() {
        Map<Caller, DeskClient> callers = callers();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            if (row.missing() == null) {
                continue;
            }
            // what is public must be missing for everyone, logged in or not
            List<Caller> who = row.least() == Least.PUBLIC ? List.of(Caller.values())
                    : List.of(Caller.viewer, Caller.reviewer, Caller.admin);
            for (Caller caller : who) {
                // a form that would pass its first checks, so that what is missing is the object itself
                DeskClient client = callers.get(caller);
                int status = (row.method().equals("POST") && !row.api()
                        ? client.post(row.missing(), "version", "0", "target", "Matrix", "role", "viewer", "password",
                                "a long enough passphrase")
                        : send(client, row, row.missing())).statusCode();
                int expected = row.least().admits(caller) ? 404 : 403;
                if (status != expected) {
                    wrong.add(caller + " " + row.method() + " " + row.missing() + ": expected " + expected + ", got "
                            + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static int expected(Row row, Caller caller) {
        if (row.exceptions().containsKey(caller)) {
            return row.exceptions().get(caller);
        }
        if (row.least().admits(caller)) {
            return row.admitted();
        }
        if (caller == Caller.anonymous || caller == Caller.deactivated) {
            return row.api() ? 401 : 302;
        }
        return 403;
    }

    private static Response send(DeskClient client, Row row, String path) {
        if (row.method().equals("GET")) {
            return client.get(path);
        }
        if (row.method().equals("DELETE")) {
            return client.request().delete(path);
        }
        if (row.method().equals("PUT")) {
            return client.request().contentType("application/json").body("{}").put(path);
        }
        if (row.api()) {
            return client.request().contentType("application/json").body("{}").post(path);
        }
        if (UPLOADS.contains(row.key())) {
            return client.postFile(path, "empty.txt", new byte[0], "text/plain");
        }
        return client.post(path);
    }

    /** Publishes a decided claim through the API, answering its public slug. */
    private static String publish(long claimId) {
        return publisher().request().contentType("application/json").post("/api/claims/" + claimId + "/publication")
                .then().statusCode(201).extract().path("slug");
    }

    private static DeskClient publisher() {
        DeskClient client = Accounts.logIn(Role.reviewer);
        client.get("/account");
        return client;
    }

    private Map<Caller, DeskClient> callers() {
        Map<Caller, DeskClient> callers = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            callers.put(caller, fresh(caller));
        }
        return callers;
    }

    /** A caller with its own session, holding a CSRF token as a browser that opened a page would. */
    private static DeskClient fresh(Caller caller) {
        DeskClient client = switch (caller) {
            case anonymous -> DeskClient.anonymous();
            case viewer -> Accounts.logIn(Role.viewer);
            case reviewer -> Accounts.logIn(Role.reviewer);
            case admin -> Accounts.logIn(Role.admin);
            case deactivated -> deactivated();
        };
        client.get(caller == Caller.anonymous || caller == Caller.deactivated ? "/login" : "/account");
        return client;
    }

    private static DeskClient deactivated() {
        String username = Accounts.create(Role.admin);
        DeskClient client = DeskClient.loggedIn(username, Accounts.PASSWORD);
        client.get("/account"); // its CSRF token, taken while it was still active
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("UPDATE reviewer SET active = false WHERE username = ?1")
                .setParameter(1, username).executeUpdate());
        return client;
    }

    /** Every {@code METHOD /path} declared by a JAX-RS resource class of the application. */
    static Set<String> declaredRoutes() throws IOException {
        Path classes = Path.of("target", "classes");
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/claimdesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    routes.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        return routes;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod http = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
