package org.claimdesk.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.claimdesk.support.Accounts;
import org.claimdesk.support.Browser;
import org.claimdesk.support.NeedsTool;
import org.claimdesk.support.Tools;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ApiDocsTest {

    private static JsonPath document() {
        return given().auth().preemptive().basic(Accounts.create(Role.viewer), Accounts.PASSWORD)
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    /** Every {@code /api} endpoint of the application's classes, as "get /api/claims/{id}", read from the classes. */
    static List<String> apiEndpoints() throws IOException {
        Path classes = Path.of("target/classes");
        List<String> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/claimdesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, ApiDocsTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || !Problems.isApi(root.value())) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "get"
                            : method.isAnnotationPresent(POST.class) ? "post"
                            : method.isAnnotationPresent(PUT.class) ? "put"
                            : method.isAnnotationPresent(DELETE.class) ? "delete" : null;
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = root.value() + (sub == null ? "" : "/" + sub.value());
                    endpoints.add(verb + " " + path.replaceAll("/+", "/").replaceAll("/$", ""));
                }
            }
        }
        return endpoints;
    }

    @Test
    void theDocumentDescribesEveryApiEndpointWithASummaryAnExampleAndItsProblems() throws IOException {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> endpoints = apiEndpoints();
        assertTrue(endpoints.size() >= 12, "found the API's endpoints: " + endpoints);
        assertTrue(endpoints.contains("get /api/exports/claims.csv"), endpoints.toString());
        for (String endpoint : endpoints) {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            assertTrue(paths.containsKey(path), path + " is missing from /q/openapi: " + paths.keySet());
            String at = "paths.'" + path + "'." + verb;
            assertTrue(doc.get(at) != null, endpoint + " is missing from /q/openapi");
            assertFalse(doc.getString(at + ".summary") == null || doc.getString(at + ".summary").isBlank(),
                    endpoint + " has no summary");
            assertFalse(doc.getList(at + ".tags") == null || doc.getList(at + ".tags").isEmpty(),
                    endpoint + " has no tag");
            Map<String, Map<String, Object>> responses = doc.getMap(at + ".responses");
            String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst()
                    .orElseThrow(() -> new AssertionError(endpoint + " has no success response"));
            Map<String, Object> content = doc.getMap(at + ".responses.'" + success + "'.content");
            if (success.equals("204")) {
                assertTrue(content == null, endpoint + " answers 204, which has no body to describe: " + content);
            } else {
                assertTrue(content != null && content.toString().contains("examples"),
                        endpoint + " has no example of its answer: " + content);
            }
            assertEquals("#/components/responses/Unauthorized", responses.get("401").get("$ref"),
                    endpoint + " should say that it needs a login");
            // SmallRye describes every body parameter by itself, so only a POST without one has no requestBody
            if (verb.equals("post") && doc.get(at + ".requestBody") != null) {
                assertTrue(doc.getMap(at + ".requestBody.content").toString().contains("examples"),
                        endpoint + " has no example of its request");
                assertTrue(responses.containsKey("400"), endpoint + " should describe its 400");
            }
        }
        assertTrue(paths.keySet().stream().allMatch(Problems::isApi), "only /api is described: " + paths.keySet());
        assertEquals("application/problem+json",
                new TreeSet<>(doc.getMap("components.responses.BadRequest.content").keySet()).first());
        assertEquals(409, doc.getInt("components.responses.Conflict.content.'application/problem+json'.examples"
                + ".conflict.value.status"));
        assertEquals("basic", doc.getString("components.securitySchemes.basic.scheme"));
        assertEquals(11, doc.getList("paths.'/api/claims'.get.parameters").size() - 2,
                "the list documents its eleven filters (attribution too, issue 19) besides page and size");
    }

    @Test
    void theDocumentAndSwaggerUiNeedALoginLikeEveryPage() {
        given().redirects().follow(false).get("/q/openapi").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(302);
        given().auth().preemptive().basic("nobody-" + System.nanoTime(), "wrong password 123").redirects().follow(false)
                .get("/q/openapi").then().statusCode(org.hamcrest.Matchers.not(200));
    }

    @Test
    void swaggerUiIsServedWithoutInlineScriptsUnderTheStrictPolicy() {
        String viewer = Accounts.create(Role.viewer);
        var page = given().auth().preemptive().basic(viewer, Accounts.PASSWORD).get("/q/swagger-ui/").then()
                .statusCode(200).extract();
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe"), csp);
        String html = page.asString();
        assertFalse(html.toLowerCase(Locale.ROOT).matches("(?s).*<script>.*|.*<script [^s>]*>.*|.* on\\w+=.*"),
                "no inline script or handler: " + html);
        assertTrue(html.contains("/static/swagger-init.js"));
    }

    @Test
    @NeedsTool(Tools.Tool.BROWSER)
    void swaggerUiRendersTheApiInChromium() {
        String viewer = Accounts.create(Role.viewer);
        try (Browser browser = Browser.open()) {
            browser.logIn(viewer, Accounts.PASSWORD).go("/q/swagger-ui/");
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
            String paths = browser.driver().findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getText()).toList().toString();
            assertTrue(paths.contains("/api/exports/claims.csv"), paths);
            assertTrue(browser.driver().getPageSource().contains("Claimdesk API"));
        }
    }
}
