package org.claimdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hostile input, one table row per case: every form field, API field and list parameter gets what an attacker or
 * a broken client sends. Each refused case must get a 4xx with a message a person can act on, never a 5xx, and
 * leave every table as it was. Markup and SQL in free text are text: those cases must be stored exactly as sent
 * (and {@code XssInBrowserTest} shows them literally), as must Korean, emoji and other real Unicode.
 * To extend: add a form to {@link #forms}, a JSON body to {@link #apiCases}, or a row anywhere in {@link #cases}.
 */
@QuarkusTest
class HostileInputTest {

    /** What the desk must do with a case: refuse it with a 4xx, or store the hostile text exactly as sent. */
    enum Outcome {
        REFUSED, STORED,
        /** An article's text: accepted with its control characters removed, stored (where it is) cleaned. */
        CLEANED,
        /** The import's review form: sent back to the draft (303) with the mistake marked, nothing saved. */
        MARKED
    }

    /**
     * One case: a name for the report, who sends it, how, and what must follow. {@code stored} is the SQL that
     * counts rows holding the sent text exactly, for STORED cases.
     */
    record Case(String name, Sender sender, Function<DeskClient, Response> send, Outcome outcome, String stored,
            String text) {
    }

    enum Sender {
        ANONYMOUS, REVIEWER, ADMIN
    }

    /** A page form: where it posts, who may post it, and a filled-in version that would be accepted. */
    record Form(String name, String path, Sender sender, Map<String, String> valid, List<String> textFields,
            List<String> required) {
    }

    private static final String MEGABYTE = "x".repeat(1024 * 1024 + 1);
    private static final String COUNTS = "SELECT concat_ws(',', (SELECT count(*) FROM claim), (SELECT count(*) FROM source),"
            + " (SELECT count(*) FROM article), (SELECT count(*) FROM review), (SELECT count(*) FROM evidence),"
            + " (SELECT count(*) FROM claim_edit), (SELECT count(*) FROM claim_link), (SELECT count(*) FROM reviewer),"
            + " (SELECT count(*) FROM audit_log), (SELECT max(version) FROM claim), (SELECT count(*) FROM article_draft),"
            + " (SELECT count(*) FROM publication), (SELECT count(*) FROM claimreview_import),"
            + " (SELECT count(*) FROM rating_mapping), (SELECT count(*) FROM table_import),"
            + " (SELECT count(*) FROM table_import_line), (SELECT count(*) FROM claim_note),"
            + " (SELECT count(*) FROM claim_approval), (SELECT count(*) FROM claim_queue_item),"
            + " (SELECT count(*) FROM attribution_review), (SELECT count(*) FROM claim_relay))";

    /** Text no one types: each must be refused in any field. */
    private static final Map<String, String> UNREADABLE = new LinkedHashMap<>();

    static {
        UNREADABLE.put("NUL byte", "before\u0000after");
        UNREADABLE.put("bell control character", "ring\u0007ring");
        UNREADABLE.put("terminal escape", "\u001b[31mred\u001b[0m");
        UNREADABLE.put("C1 control", "next\u0085line");
        UNREADABLE.put("replacement character of invalid UTF-8", "bad \uFFFD byte");
    }

    /** Hostile text that is still text: stored as sent, shown literally. */
    private static final List<String> LITERAL = List.of("<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">", "\"><svg onload=alert(1)>",
            "'; DROP TABLE claim; --", "1' OR '1'='1", "Robert'); DELETE FROM review WHERE ('1'='1",
            "{{7*7}} ${7*7} #{7*7} {#raw}x{/raw}", "북한은 포탄 생산을 두 배로 늘렸다고 조선중앙통신이 보도했다",
            "Rocket 🚀 and family 👨‍👩‍👧 emoji", "e\u0301 combining, ﬁ ligature, Ω, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "العربية עברית mixed with English", "tab\tand\nnew line",
            // direction marks, embeddings, overrides and isolates are text since issue 16; pages isolate them
            "invoice\u202Efdp.exe", "\u2067قال المتحدث\u2069 and \u202Bעברית\u202C, \u200Fmark\u200E");

    private Source source;
    private Claim claim;
    private Claim other;
    private String foreignToken;
    private long draft;

    private List<Form> forms() {
        String sourceName = source.name;
        List<Form> forms = new ArrayList<>();
        forms.add(new Form("claim", "/claims", Sender.REVIEWER,
                map("statement", "A valid statement", "quote", "", "source", sourceName, "articleId", "",
                        "quoteStart", "", "quoteEnd", "", "claimDate", "2024-01-31", "tags", "one, two",
                        "assigneeId", ""),
                List.of("statement", "quote", "source", "tags"), List.of("statement", "source")));
        forms.add(new Form("claim edit", "/claims/" + claim.id, Sender.REVIEWER,
                map("statement", claim.statement, "quote", "", "source", sourceName, "articleId", "", "quoteStart", "",
                        "quoteEnd", "", "claimDate", "", "tags", "", "assigneeId", "", "version", "0"),
                List.of("statement", "source", "tags"), List.of("statement")));
        forms.add(new Form("source", "/sources", Sender.REVIEWER,
                map("name", "Valid source " + System.nanoTime(), "kind", "other", "country", "KR", "aliases",
                        "an alias", "description", "A description.", "website", "https://example.org/"),
                List.of("name", "kind", "country", "aliases", "description", "website"), List.of("name", "kind")));
        forms.add(new Form("article", "/articles", Sender.REVIEWER,
                map("title", "A valid title", "publisher", sourceName, "url", "https://example.org/a",
                        "publishedOn", "2024-02-01", "body", "The body of the article."),
                List.of("title", "publisher", "url", "body"), List.of("title", "body")));
        forms.add(new Form("verdict", "/claims/" + claim.id + "/verdicts", Sender.REVIEWER,
                map("status", "disputed", "rationale", "Because the report says otherwise.", "evidenceUrl",
                        "https://example.org/report", "evidenceTitle", "Report", "evidenceStance", "refutes",
                        "evidenceNote", "page 3", "version", "0"),
                List.of("status", "rationale", "evidenceUrl", "evidenceTitle", "evidenceStance", "evidenceNote"),
                List.of("status", "rationale")));
        forms.add(new Form("link", "/claims/" + claim.id + "/links", Sender.REVIEWER,
                map("otherId", other.id.toString(), "kind", "contradicts", "note", "They disagree."),
                List.of("otherId", "kind", "note"), List.of("otherId", "kind")));
        forms.add(new Form("article import", "/articles/new", Sender.REVIEWER,
                map("title", "An imported title", "publisher", sourceName, "url", "https://example.org/import",
                        "publishedOn", "2024-03-01", "body", "\"Exports rose by 12 percent,\" the minister said."),
                List.of("title", "publisher", "url", "body"), List.of("body")));
        forms.add(new Form("rating mapping", "/admin/ratings", Sender.ADMIN,
                map("label", "Hostile wording " + System.nanoTime(), "status", "disputed"),
                List.of("label", "status"), List.of("label", "status")));
        forms.add(new Form("account", "/admin/accounts", Sender.ADMIN,
                map("username", "valid-" + System.nanoTime(), "password", "a long enough passphrase", "role",
                        "viewer"),
                List.of("username", "password", "role"), List.of("username", "password", "role")));
        // the editorial workflow (issue 18): an internal note, and the claims list's bulk form
        forms.add(new Form("note", "/claims/" + claim.id + "/notes", Sender.REVIEWER, map("text", "A valid note."),
                List.of("text"), List.of("text")));
        forms.add(new Form("bulk triage", "/claims/bulk", Sender.REVIEWER,
                map("scope", "selected", "ids", claim.id.toString(), "filter", "/claims", "listedAt", "",
                        "assigneeId", "", "addTag", "triaged", "removeTag", "", "priority", "high"),
                List.of("addTag", "removeTag"), List.of("ids")));
        forms.add(new Form("attribution verdict", "/claims/" + claim.id + "/attribution-verdicts", Sender.REVIEWER,
                map("status", "confirmed", "rationale", "The source's own transcript has it.", "evidenceUrl",
                        "https://example.org/transcript", "evidenceTitle", "Transcript", "evidenceStance", "supports",
                        "version", "0"),
                List.of("status", "rationale", "evidenceUrl", "evidenceTitle", "evidenceStance"),
                List.of("status", "rationale")));
        forms.add(new Form("claim with relays", "/claims", Sender.REVIEWER,
                map("statement", "A relayed statement", "source", sourceName, "relayedBy", "",
                        "attributionKind", "paraphrase", "recheckOn", "2030-01-01"),
                List.of("relayedBy", "attributionKind", "recheckOn"), List.of()));
        return forms;
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Form form : forms()) {
            for (String field : form.textFields()) {
                if (form.path().equals("/articles/new") && field.equals("body")) {
                    UNREADABLE.forEach((what, value) -> cases.add(cleaned(form.name() + "." + field + ": " + what,
                            c -> c.post(form.path(), flat(with(form.valid(), field, value))),
                            "SELECT count(*) FROM article_draft WHERE body = ?1", value)));
                } else {
                    UNREADABLE.forEach((what, value) -> cases.add(formCase(form, field, what, value)));
                }
                cases.add(formCase(form, field, "1 MB string", MEGABYTE));
            }
            for (String field : form.required()) {
                cases.add(formCase(form, field, "empty", ""));
                cases.add(formCase(form, field, "whitespace only", " \t\n "));
            }
            cases.add(refused(form.name() + ": invalid UTF-8 bytes", form.sender(),
                    c -> c.request().contentType(DeskClient.FORM)
                            .body(encode(form.valid(), Map.of()) + "&" + form.textFields().get(0) + "=%C3%28%FF%FE")
                            .post(form.path())));
            // a form can carry a surrogate only as its UTF-8-style bytes (ED A0 BD), which no decoder accepts
            cases.add(refused(form.name() + ": an unpaired surrogate's bytes", form.sender(),
                    c -> c.request().contentType(DeskClient.FORM)
                            .body(encode(form.valid(), Map.of()) + "&" + form.textFields().get(0) + "=a%ED%A0%BDb")
                            .post(form.path())));
            cases.add(refused(form.name() + ": no CSRF token", form.sender(),
                    c -> c.postWithoutToken(form.path(), flat(form.valid()))));
            cases.add(refused(form.name() + ": forged CSRF token", form.sender(),
                    c -> c.request().contentType(DeskClient.FORM)
                            .body(encode(form.valid(), Map.of(DeskClient.CSRF_FIELD, "forged-token-AAAA")))
                            .post(form.path())));
            cases.add(refused(form.name() + ": another browser's CSRF token", form.sender(), c -> {
                return c.request().contentType(DeskClient.FORM)
                        .body(encode(form.valid(), Map.of(DeskClient.CSRF_FIELD, foreignToken)))
                        .post(form.path());
            }));
            cases.add(refused(form.name() + ": JSON to a page form (415)", form.sender(),
                    c -> c.request().contentType("application/json").body("{}").post(form.path())));
            cases.add(refused(form.name() + ": body over 10 MB (413)", form.sender(),
                    c -> c.request().contentType(DeskClient.FORM)
                            .body("body=" + "y".repeat(11 * 1024 * 1024)).post(form.path())));
        }
        Form claimForm = forms().get(0);
        Form verdict = forms().get(4);
        Form sourceForm = forms().get(2);
        Form article = forms().get(3);
        Form accountForm = forms().get(8);
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:window.__xss=1", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/", "https://exa mple.org/",
                "ftp://example.org/x")) {
            cases.add(formCase(verdict, "evidenceUrl", "URL " + url, url));
            cases.add(formCase(sourceForm, "website", "URL " + url, url));
            cases.add(formCase(article, "url", "URL " + url, url));
        }
        for (String[] bad : new String[][] { { "status", "emperor" }, { "status", "VERIFIED; DROP TABLE claim" },
                { "evidenceStance", "maybe" }, { "version", "-1" }, { "version", "abc" }, { "version", "1e99" },
                { "version", "99999999999999999999" } }) {
            cases.add(formCase(verdict, bad[0], "value " + bad[1], bad[1]));
        }
        for (String[] bad : new String[][] { { "articleId", "-1" }, { "articleId", "x" }, { "quoteStart", "-5" },
                { "quoteStart", "99999999999" }, { "claimDate", "2024-02-30" }, { "claimDate", "yesterday" },
                { "claimDate", "99999-01-01" }, { "assigneeId", "987654321" }, { "source", "No such source anywhere" },
                { "tags", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "tag" + i)
                        .collect(java.util.stream.Collectors.joining(",")) } }) {
            cases.add(formCase(claimForm, bad[0], "value " + bad[1], bad[1]));
        }
        for (String[] bad : new String[][] { { "kind", "alien" }, { "country", "XX" }, { "country", "KOR" } }) {
            cases.add(formCase(sourceForm, bad[0], "value " + bad[1], bad[1]));
        }
        cases.add(formCase(article, "publishedOn", "value 31/12/2024", "31/12/2024"));
        cases.add(formCase(article, "body", "body over a million characters", "z".repeat(1_000_001)));
        for (String[] bad : new String[][] { { "role", "superuser" }, { "username", "Robert'); DROP TABLE reviewer;--" },
                { "username", "<script>" }, { "password", "short" }, { "password", "password1234" } }) {
            cases.add(formCase(accountForm, bad[0], "value " + bad[1], bad[1]));
        }
        Form bulk = forms().get(10);
        for (String[] bad : new String[][] { { "ids", "-1" }, { "ids", "x" }, { "ids", "99999999999999999999" },
                { "priority", "urgent" }, { "priority", "high'; DROP TABLE claim; --" }, { "assigneeId", "987654321" },
                { "listedAt", "yesterday" }, { "filter", "/claims?status=emperor" }, { "filter", "/claims?from=x" },
                { "scope", "everything" } }) {
            cases.add(formCase(bulk, bad[0], "value " + bad[1], bad[1]));
        }
        cases.add(formCase(forms().get(9), "text", "value over 10,000 characters", "n".repeat(10_001)));
        cases.addAll(workflowApiCases());
        cases.addAll(apiCases());
        cases.addAll(importCases());
        cases.addAll(queryCases());
        cases.addAll(loginCases());
        cases.addAll(literalCases());
        return cases;
    }

    private List<Case> apiCases() {
        List<Case> cases = new ArrayList<>();
        String newClaim = "{\"statement\":\"Valid\",\"sourceId\":" + source.id + "}";
        String verdict = "{\"status\":\"disputed\",\"rationale\":\"Why\",\"version\":0}";
        String newSource = "{\"name\":\"Api source " + System.nanoTime() + "\",\"kind\":\"other\"}";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/claims", newClaim);
        bodies.put("/api/claims/" + claim.id + "/verdicts", verdict);
        bodies.put("/api/sources", newSource);
        for (var endpoint : bodies.entrySet()) {
            String path = endpoint.getKey();
            for (String body : List.of("", "null", "[]", "\"text\"", "42", "{", "{\"statement\":", "not json at all",
                    "{\"unknownField\":1}", endpoint.getValue().replace("}", ",\"extra\":true}"))) {
                cases.add(refused("POST " + path + " body " + abbreviate(body), Sender.REVIEWER, api(path, body)));
            }
            for (var value : UNREADABLE.entrySet()) {
                String field = path.endsWith("verdicts") ? "rationale" : path.equals("/api/sources") ? "name"
                        : "statement";
                String body = endpoint.getValue().replaceFirst("\"" + field + "\":\"[^\"]*\"",
                        java.util.regex.Matcher.quoteReplacement("\"" + field + "\":\"" + jsonEscape(value.getValue())
                                + "\""));
                cases.add(refused("POST " + path + " " + field + " with " + value.getKey(), Sender.REVIEWER,
                        api(path, body)));
            }
            for (String lone : List.of("half \uD83D pair", "low \uDC00 first", "ends high \uD83D")) {
                String field = path.endsWith("verdicts") ? "rationale" : path.equals("/api/sources") ? "name"
                        : "statement";
                String body = endpoint.getValue().replaceFirst("\"" + field + "\":\"[^\"]*\"",
                        java.util.regex.Matcher.quoteReplacement("\"" + field + "\":\"" + jsonEscape(lone) + "\""));
                cases.add(refused("POST " + path + " " + field + " with an unpaired surrogate " + jsonEscape(lone),
                        Sender.REVIEWER, api(path, body)));
            }
            cases.add(refused("POST " + path + " as a form (415)", Sender.REVIEWER,
                    c -> c.request().contentType("application/x-www-form-urlencoded").body("statement=x").post(path)));
            cases.add(refused("POST " + path + " as text/plain (415)", Sender.REVIEWER,
                    c -> c.request().contentType("text/plain").body(endpoint.getValue()).post(path)));
            cases.add(refused("POST " + path + " over 10 MB (413)", Sender.REVIEWER,
                    api(path, "{\"statement\":\"" + "q".repeat(11 * 1024 * 1024) + "\"}")));
        }
        for (String body : List.of("{\"statement\":42,\"sourceId\":" + source.id + "}",
                "{\"statement\":\"x\",\"sourceId\":\"one\"}", "{\"statement\":\"x\",\"sourceId\":1.5}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"tags\":\"not a list\"}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"tags\":[1,[2]]}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"claimDate\":\"tomorrow\"}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"quoteStart\":-1,\"quoteEnd\":5}",
                "{\"statement\":\"x\",\"sourceId\":99999999999999999999}", "{\"statement\":\"" + MEGABYTE + "\",\"sourceId\":"
                        + source.id + "}",
                "{\"statement\":\"   \",\"sourceId\":" + source.id + "}")) {
            cases.add(refused("POST /api/claims " + abbreviate(body), Sender.REVIEWER, api("/api/claims", body)));
        }
        String verdicts = "/api/claims/" + claim.id + "/verdicts";
        for (String body : List.of("{\"status\":\"emperor\",\"rationale\":\"x\",\"version\":0}",
                "{\"status\":true,\"rationale\":\"x\",\"version\":0}",
                "{\"status\":\"disputed\",\"rationale\":\"x\",\"version\":\"zero\"}",
                "{\"status\":\"disputed\",\"rationale\":\"x\",\"version\":-1}",
                "{\"status\":\"disputed\",\"rationale\":\"x\",\"version\":0,\"evidence\":{}}",
                "{\"status\":\"disputed\",\"rationale\":\"x\",\"version\":0,\"evidence\":[{\"url\":\"javascript:alert(1)\",\"title\":\"t\",\"stance\":\"supports\"}]}",
                "{\"status\":\"disputed\",\"rationale\":\"x\",\"version\":0,\"evidence\":[{\"url\":\"data:text/html,x\",\"title\":\"t\",\"stance\":\"supports\"}]}",
                "{\"status\":\"disputed\",\"rationale\":\"x\",\"version\":0,\"evidence\":[{\"url\":\"https://e.org\",\"title\":\"t\",\"stance\":\"neutral\"}]}",
                "{\"status\":\"disputed\",\"rationale\":\"\",\"version\":0}")) {
            cases.add(refused("POST " + verdicts + " " + abbreviate(body), Sender.REVIEWER, api(verdicts, body)));
        }
        String attributionVerdicts = "/api/claims/" + claim.id + "/attribution-verdicts";
        for (String body : List.of("", "null", "[]", "{", "{\"status\":\"confirmed\",\"rationale\":\"x\",\"version\":0,\"extra\":1}",
                "{\"status\":\"emperor\",\"rationale\":\"x\",\"version\":0}",
                "{\"status\":[\"confirmed\"],\"rationale\":\"x\",\"version\":0}",
                "{\"status\":\"confirmed\",\"rationale\":\"   \",\"version\":0}",
                "{\"status\":\"confirmed\",\"rationale\":\"nul\\u0000here\",\"version\":0}",
                "{\"status\":\"confirmed\",\"rationale\":\"" + MEGABYTE + "\",\"version\":0}",
                "{\"status\":\"confirmed\",\"rationale\":\"x\",\"version\":\"zero\"}",
                "{\"status\":\"confirmed\",\"rationale\":\"x\",\"version\":0,\"evidence\":[{\"url\":\"javascript:alert(1)\",\"title\":\"t\",\"stance\":\"supports\"}]}")) {
            cases.add(refused("POST " + attributionVerdicts + " " + abbreviate(body), Sender.REVIEWER,
                    api(attributionVerdicts, body)));
        }
        String attribution = "/api/claims/" + claim.id + "/attribution";
        for (String body : List.of("", "[]", "{\"relayedBy\":\"Yonhap\",\"version\":0}",
                "{\"relayedBy\":[1.5],\"version\":0}", "{\"relayedBy\":[99999999999999999999],\"version\":0}",
                "{\"relayedBy\":[987654321],\"version\":0}", "{\"attributionKind\":\"rumour\",\"version\":0}",
                "{\"attributionKind\":\"<script>\",\"version\":0}", "{\"recheckOn\":\"soon\",\"version\":0}",
                "{\"recheckOn\":\"0001-01-01\",\"version\":0}", "{\"relayedBy\":[],\"version\":-3}")) {
            cases.add(refused("PUT " + attribution + " " + abbreviate(body), Sender.REVIEWER,
                    c -> c.request().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                            .put(attribution)));
        }
        for (String body : List.of("{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"relayedBy\":\"one\"}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"attributionKind\":\"hearsay\"}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"recheckOn\":\"31/12/2030\"}",
                "{\"statement\":\"x\",\"sourceId\":" + source.id + ",\"relayedBy\":[" + source.id + "]}")) {
            cases.add(refused("POST /api/claims " + abbreviate(body), Sender.REVIEWER, api("/api/claims", body)));
        }
        for (String body : List.of("{\"username\":\"x\",\"password\":\"a long enough passphrase\",\"role\":\"god\"}",
                "{\"username\":[\"a\"],\"password\":\"a long enough passphrase\",\"role\":\"viewer\"}",
                "{\"username\":\"nul\\u0000name\",\"password\":\"a long enough passphrase\",\"role\":\"viewer\"}")) {
            cases.add(refused("POST /api/admin/accounts " + abbreviate(body), Sender.ADMIN,
                    api("/api/admin/accounts", body)));
        }
        return cases;
    }

    /** The workflow's API: approvals, notes and bulk triage, each sent what a broken or hostile client sends. */
    private List<Case> workflowApiCases() {
        List<Case> cases = new ArrayList<>();
        String approvals = "/api/claims/" + claim.id + "/approvals";
        String notes = "/api/claims/" + claim.id + "/notes";
        String bulk = "/api/claims/bulk";
        for (String path : List.of(approvals, notes, bulk)) {
            for (String body : List.of("", "null", "[]", "\"text\"", "42", "{", "not json at all",
                    "{\"unknownField\":1}")) {
                cases.add(refused("POST " + path + " body " + abbreviate(body), Sender.REVIEWER, api(path, body)));
            }
            cases.add(refused("POST " + path + " as a form (415)", Sender.REVIEWER,
                    c -> c.request().contentType(DeskClient.FORM).body("text=x").post(path)));
            cases.add(refused("POST " + path + " over 10 MB (413)", Sender.REVIEWER,
                    api(path, "{\"text\":\"" + "q".repeat(11 * 1024 * 1024) + "\"}")));
        }
        // the claim is undecided: there is nothing to approve, whatever the version
        for (String body : List.of("{\"version\":0}", "{\"version\":\"zero\"}", "{\"version\":-1}",
                "{\"version\":0,\"sendBack\":true}", "{\"version\":0,\"sendBack\":\"yes\",\"note\":\"x\"}",
                "{\"version\":0,\"note\":[1]}", "{\"version\":99999999999999999999}")) {
            cases.add(refused("POST " + approvals + " " + abbreviate(body), Sender.REVIEWER, api(approvals, body)));
        }
        for (String body : List.of("{\"text\":\"\"}", "{\"text\":\"   \"}", "{\"text\":42}", "{\"text\":[\"a\"]}",
                "{\"text\":\"" + "n".repeat(10_001) + "\"}")) {
            cases.add(refused("POST " + notes + " " + abbreviate(body), Sender.REVIEWER, api(notes, body)));
        }
        UNREADABLE.forEach((what, value) -> cases.add(refused("POST " + notes + " text with " + what,
                Sender.REVIEWER, api(notes, "{\"text\":\"" + jsonEscape(value) + "\"}"))));
        String ids = "\"ids\":[" + claim.id + "]";
        for (String body : List.of("{" + ids + "}", "{\"ids\":[]}", "{\"priority\":\"high\"}",
                "{" + ids + ",\"priority\":\"urgent\"}", "{" + ids + ",\"status\":\"verified\"}",
                "{" + ids + ",\"assigneeId\":987654321}", "{" + ids + ",\"assigneeId\":\"me\"}",
                "{" + ids + ",\"addTags\":\"x\"}", "{" + ids + ",\"addTags\":[\"" + "t".repeat(51) + "\"]}",
                "{" + ids + ",\"addTags\":[\"x\"],\"removeTags\":[\"x\"]}",
                "{" + ids + ",\"priority\":\"high\",\"filter\":{}}",
                "{\"filter\":{\"status\":\"emperor\"},\"priority\":\"high\"}",
                "{\"filter\":{\"sourceId\":\"one\"},\"priority\":\"high\"}",
                "{" + ids + ",\"priority\":\"high\",\"asOf\":\"yesterday\"}",
                "{\"ids\":[\"a\"],\"priority\":\"high\"}", "{\"ids\":[" + "1,".repeat(10_001) + "1],\"priority\":\"high\"}")) {
            cases.add(refused("POST " + bulk + " " + abbreviate(body), Sender.REVIEWER, api(bulk, body)));
        }
        UNREADABLE.forEach((what, value) -> cases.add(refused("POST " + bulk + " tag with " + what, Sender.REVIEWER,
                api(bulk, "{" + ids + ",\"addTags\":[\"" + jsonEscape(value) + "\"]}"))));
        return cases;
    }

    /** The new ways in: the article import's uploads and review, extraction, the article and import APIs, tables. */
    private List<Case> importCases() {
        List<Case> cases = new ArrayList<>();
        String[] article = { "title", "Uploaded", "publisher", source.name };
        cases.add(refused("import upload: a PDF (not .txt or .html)", Sender.REVIEWER,
                c -> c.postFile("/articles/new", "article.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                        "application/pdf", article)));
        cases.add(refused("import upload: a .txt over 1 MB (413)", Sender.REVIEWER,
                c -> c.postFile("/articles/new", "big.txt", MEGABYTE.getBytes(StandardCharsets.US_ASCII),
                        "text/plain", article)));
        cases.add(refused("import upload: .txt with invalid UTF-8", Sender.REVIEWER,
                c -> c.postFile("/articles/new", "bad.txt", new byte[] { 'a', (byte) 0xC3, '(', (byte) 0xFF },
                        "text/plain", article)));
        cases.add(refused("import upload: .html with invalid UTF-8", Sender.REVIEWER,
                c -> c.postFile("/articles/new", "bad.html", new byte[] { '<', 'p', '>', (byte) 0xFE, (byte) 0xFF },
                        "text/html", article)));
        UNREADABLE.forEach((what, value) -> {
            cases.add(cleaned("import upload: .txt with " + what,
                    c -> c.postFile("/articles/new", "hostile.txt", ("Text " + value).getBytes(StandardCharsets.UTF_8),
                            "text/plain", article), "SELECT count(*) FROM article_draft WHERE body = ?1",
                    "Text " + value));
            cases.add(cleaned("import upload: .html with " + what,
                    c -> c.postFile("/articles/new", "hostile.html",
                            ("<html><body><p>Html " + value + "</p></body></html>").getBytes(StandardCharsets.UTF_8),
                            "text/html", article), "SELECT count(*) FROM article_draft WHERE body = ?1",
                    "Html " + value));
        });
        cases.add(refused("import: pasted text and a file at once", Sender.REVIEWER,
                c -> c.postFile("/articles/new", "a.txt", "File text.".getBytes(StandardCharsets.UTF_8), "text/plain",
                        "title", "Both", "body", "Pasted text.")));
        cases.add(refused("import: empty file and no text", Sender.REVIEWER,
                c -> c.postFile("/articles/new", "empty.txt", new byte[0], "text/plain", article)));
        cases.add(refused("import: pasted text over a million characters (413)", Sender.REVIEWER,
                c -> c.post("/articles/new", "title", "Long", "body", "z".repeat(1_000_001))));
        cases.addAll(reviewCases());
        String extractions = "/api/extractions";
        for (String body : List.of("", "null", "[]", "42", "{", "not json", "{\"text\":42}", "{\"text\":[\"a\"]}",
                "{\"text\":\"\"}", "{\"text\":\"   \"}", "{\"text\":\"x\",\"title\":{}}", "{\"text\":\"x\",\"unknown\":1}",
                "{\"text\":\"" + "z".repeat(1_000_001) + "\"}")) {
            cases.add(refused("POST " + extractions + " " + abbreviate(body), Sender.REVIEWER, api(extractions, body)));
        }
        UNREADABLE.forEach((what, value) -> cases.add(cleaned("POST " + extractions + " text with " + what,
                api(extractions, "{\"text\":\"" + jsonEscape(value) + "\"}"), null, value)));
        cases.add(refused("POST " + extractions + " as a form (415)", Sender.REVIEWER,
                c -> c.request().contentType(DeskClient.FORM).body("text=x").post(extractions)));
        String matches = "/api/claims/matches";
        for (String body : List.of("", "null", "[]", "42", "{", "not json", "{\"text\":42}", "{\"text\":[\"a\"]}",
                "{\"text\":\"\"}", "{\"text\":\"   \"}", "{\"text\":\"x\",\"limit\":0}",
                "{\"text\":\"x\",\"limit\":51}", "{\"text\":\"x\",\"limit\":\"ten\"}",
                "{\"text\":\"x\",\"limit\":1.5}", "{\"text\":\"x\",\"unknown\":1}",
                "{\"text\":\"" + "z".repeat(20_001) + "\"}")) {
            cases.add(refused("POST " + matches + " " + abbreviate(body), Sender.REVIEWER, api(matches, body)));
        }
        UNREADABLE.forEach((what, value) -> cases.add(refused("POST " + matches + " text with " + what,
                Sender.REVIEWER, api(matches, "{\"text\":\"" + jsonEscape(value) + "\"}"))));
        String text = "The minister said exports rose.";
        String claimOf = "{\"title\":\"Api article\",\"text\":\"" + text + "\",\"claims\":[{\"statement\":\"Exports rose\","
                + "\"sourceId\":" + source.id + ",\"claimStart\":%s,\"claimEnd\":%s}]}";
        for (String body : List.of("", "[]", "{", "{\"title\":42,\"text\":\"" + text + "\"}",
                "{\"title\":\"t\",\"text\":{}}", "{\"title\":\"t\",\"text\":\"" + text + "\",\"publisherId\":\"one\"}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"publisherId\":987654321}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"publishedAt\":\"2024-02-30\"}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"url\":\"javascript:alert(1)\"}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"claims\":\"none\"}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"claims\":[42]}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"claims\":[{\"statement\":\"x\"}]}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"claims\":[{\"statement\":\"x\",\"sourceId\":987654321}]}",
                "{\"title\":\"t\",\"text\":\"" + text + "\",\"claims\":[{\"statement\":\"x\",\"newSource\":{\"name\":\"\"}}]}",
                String.format(claimOf, "-1", "5"), String.format(claimOf, "5", "2"), String.format(claimOf, "0", "999"),
                String.format(claimOf, "0", "99999999999"), String.format(claimOf, "1e3", "5"),
                String.format(claimOf, "\"a\"", "5"), String.format(claimOf, "2147483647", "-2147483648"),
                "{\"title\":\"t\",\"text\":\"" + "z".repeat(1_000_001) + "\"}")) {
            cases.add(refused("POST /api/articles " + abbreviate(body), Sender.REVIEWER, api("/api/articles", body)));
        }
        UNREADABLE.forEach((what, value) -> cases.add(cleaned("POST /api/articles text with " + what,
                api("/api/articles", "{\"title\":\"t\",\"text\":\"Api " + jsonEscape(value) + "\"}"),
                "SELECT count(*) FROM article WHERE body = ?1", "Api " + value)));
        String claimReviews = "/api/imports/claimreview";
        for (String body : List.of("", "null", "42", "\"text\"", "{", "not json", "<ClaimReview/>")) {
            cases.add(refused("POST " + claimReviews + " " + abbreviate(body), Sender.REVIEWER,
                    api(claimReviews, body)));
        }
        cases.add(refused("POST " + claimReviews + " as text/plain (415)", Sender.REVIEWER,
                c -> c.request().contentType("text/plain").body("{}").post(claimReviews)));
        cases.add(refused("POST " + claimReviews + " over 10 MB (413)", Sender.REVIEWER,
                api(claimReviews, "{\"claimReviewed\":\"" + "q".repeat(11 * 1024 * 1024) + "\"}")));
        cases.add(refused("ClaimReview upload page: not JSON", Sender.REVIEWER,
                c -> c.postFile("/imports/claimreview", "reviews.json", "not json".getBytes(StandardCharsets.UTF_8),
                        "application/json")));
        cases.add(refused("table upload: empty file", Sender.REVIEWER,
                c -> c.postFile("/imports/tables", "claims.csv", new byte[0], "text/csv")));
        cases.add(refused("table upload: a PNG", Sender.REVIEWER,
                c -> c.postFile("/imports/tables", "claims.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0 },
                        "image/png")));
        cases.add(refused("table upload: invalid UTF-8", Sender.REVIEWER,
                c -> c.postFile("/imports/tables", "claims.csv",
                        new byte[] { 's', 't', ',', 'x', '\n', (byte) 0xC3, '(', ',', (byte) 0xFF, '\n' }, "text/csv")));
        cases.add(refused("table upload: NUL bytes", Sender.REVIEWER,
                c -> c.postFile("/imports/tables", "claims.csv", "statement,source\nA\u0000B,C\n"
                        .getBytes(StandardCharsets.UTF_8), "text/csv")));
        cases.add(refused("table upload: as a form (415)", Sender.REVIEWER,
                c -> c.request().contentType(DeskClient.FORM).body("file=x").post("/imports/tables")));
        cases.add(refused("table import: start a file that does not exist", Sender.REVIEWER,
                c -> c.post("/imports/tables/987654321/start", "mode", "valid_rows")));
        for (String query : List.of("status=emperor", "sourceId=abc", "articleId=-x", "from=2024-13-01", "to=nodate",
                "sort=sideways", "q=%00", "q=%ED%A0%BD", "q=" + "w".repeat(600), "kind=alien", "assigneeId=1e9")) {
            cases.add(refused("GET /api/exports/claims.csv?" + abbreviate(query), Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/api/exports/claims.csv?" + query)));
        }
        for (String page : List.of("0", "-1", "99999999999", "100001", "abc", "1e3", "%00")) {
            cases.add(refused("GET /fact-checks?page=" + page, Sender.ANONYMOUS,
                    c -> c.request().urlEncodingEnabled(false).get("/fact-checks?page=" + page)));
        }
        for (String slug : List.of("no-such-fact-check", "%00", "..%2F..%2Fetc%2Fpasswd", "x".repeat(600))) {
            cases.add(refused("GET /fact-checks/" + abbreviate(slug), Sender.ANONYMOUS,
                    c -> c.request().urlEncodingEnabled(false).get("/fact-checks/" + slug)));
        }
        return cases;
    }

    /** The candidate review form of an import: each hostile row is marked on the draft, nothing is saved. */
    private List<Case> reviewCases() {
        List<Case> cases = new ArrayList<>();
        String review = "/articles/new/" + draft;
        java.util.function.BiFunction<String, String, Function<DeskClient, Response>> edit = (field, value) -> c -> {
            Map<String, String> row = map("action", "save", "row", "1", "decision", "accept", "statement",
                    "Exports rose by 12 percent", "sources", "the minister", "kind", "person", "rangeStart", "",
                    "rangeEnd", "");
            row.put(field, value);
            row.put("version", Long.toString(DeskData.number("SELECT version FROM article_draft WHERE id = ?1", draft)));
            return c.post(review, flat(row));
        };
        for (String field : List.of("statement", "sources")) {
            // text no one types is refused before the draft is read, as in every form
            UNREADABLE.forEach((what, value) -> cases.add(refused("review." + field + ": " + what, Sender.REVIEWER,
                    edit.apply(field, value))));
            cases.add(marked("review." + field + ": 1 MB string", edit.apply(field, MEGABYTE)));
            cases.add(marked("review." + field + ": empty", edit.apply(field, "")));
        }
        for (String[] bad : new String[][] { { "rangeStart", "-1" }, { "rangeStart", "99999999999" },
                { "rangeEnd", "999999" }, { "rangeStart", "abc" } }) {
            cases.add(marked("review." + bad[0] + ": " + bad[1], edit.apply(bad[0], bad[1])));
        }
        cases.add(refused("review.decision: emperor", Sender.REVIEWER, edit.apply("decision", "emperor")));
        cases.add(refused("review.row: abc", Sender.REVIEWER, edit.apply("row", "abc")));
        cases.add(refused("review: a row without its fields", Sender.REVIEWER,
                c -> c.post(review, "action", "save", "version", "0", "row", "1", "row", "2", "decision", "accept")));
        cases.add(refused("review: no CSRF token", Sender.REVIEWER,
                c -> c.postWithoutToken(review, "action", "discard")));
        cases.add(refused("review: someone else's draft", Sender.ADMIN, c -> c.post(review, "action", "discard")));
        return cases;
    }

    private Case marked(String name, Function<DeskClient, Response> send) {
        return new Case(name, Sender.REVIEWER, send, Outcome.MARKED, null, null);
    }

    private List<Case> queryCases() {
        List<Case> cases = new ArrayList<>();
        for (String query : List.of("page=0", "page=-1", "page=99999999999", "page=10001", "page=abc", "size=0",
                "size=-5", "size=101", "size=1e3", "status=emperor", "sourceId=abc", "articleId=-x", "from=2024-13-01",
                "to=notadate", "sort=sideways", "q=" + "w".repeat(600), "q=%00", "q=a%07b", "q=%ED%A0%BD",
                "q=%C3%28", "kind=alien")) {
            cases.add(refused("GET /api/claims?" + abbreviate(query), Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/api/claims?" + query)));
        }
        for (String query : List.of("size=0", "size=1000", "status=emperor", "after=garbage", "before=%00",
                "from=2024-02-30", "q=%00", "q=%ED%A0%BD", "sourceId=1%27%20OR%201%3D1", "sort=id;drop")) {
            cases.add(refused("GET /claims?" + abbreviate(query), Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/claims?" + query)));
        }
        for (String query : List.of("q=%00", "kind=alien", "country=%07", "after=%FF")) {
            cases.add(refused("GET /sources?" + query, Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/sources?" + query)));
            cases.add(refused("GET /api/sources?" + query, Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/api/sources?" + query)));
        }
        // "Checked before?" (issue 14): the page's GET form
        for (String query : List.of("text=%20%09", "text=%00", "text=a%07b", "text=%E2%80%AE", "text=%C3%28",
                "text=x&limit=0", "text=x&limit=51", "text=x&limit=abc", "text=x&limit=1e3")) {
            cases.add(refused("GET /checked-before?" + abbreviate(query), Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/checked-before?" + query)));
        }
        // ...and its posted form, which carries a pasted paragraph
        Map<String, String> askTexts = new java.util.LinkedHashMap<>(UNREADABLE);
        askTexts.put("20,001 characters", "w".repeat(20_001));
        askTexts.put("whitespace only", " \t\n ");
        askTexts.forEach((what, value) -> cases.add(refused("POST /checked-before text " + what, Sender.REVIEWER,
                c -> {
                    c.get("/checked-before");
                    return c.post("/checked-before", "text", value);
                })));
        cases.add(refused("POST /checked-before limit 99", Sender.REVIEWER, c -> {
            c.get("/checked-before");
            return c.post("/checked-before", "text", "x", "limit", "99");
        }));
        cases.add(refused("POST /checked-before without a CSRF token", Sender.REVIEWER,
                c -> c.postWithoutToken("/checked-before", "text", "x")));
        for (String query : List.of("q=%00", "publisherId=abc", "after=%00")) {
            cases.add(refused("GET /articles?" + query, Sender.REVIEWER,
                    c -> c.request().urlEncodingEnabled(false).get("/articles?" + query)));
        }
        for (String path : List.of("/claims/abc", "/claims/-1", "/claims/99999999999999999999", "/api/claims/1.5",
                "/sources/%00", "/articles/0")) {
            cases.add(refused("GET " + path, Sender.REVIEWER, c -> c.request().urlEncodingEnabled(false).get(path)));
        }
        for (String page : List.of("0", "-3", "99999999999", "abc")) {
            cases.add(refused("GET /admin/audit?page=" + page, Sender.ADMIN,
                    c -> c.request().get("/admin/audit?page=" + page)));
        }
        return cases;
    }

    private static List<Case> loginCases() {
        List<Case> cases = new ArrayList<>();
        for (String[] login : new String[][] { { "", "" }, { "admin", "" }, { "admin\u0000", "x" },
                { "admin' OR '1'='1", "' OR '1'='1" }, { "admin", MEGABYTE }, { "\u202Eadmin", "x" } }) {
            cases.add(refused("login as " + abbreviate(login[0]), Sender.ANONYMOUS,
                    c -> c.login(login[0], login[1])));
        }
        return cases;
    }

    private List<Case> literalCases() {
        List<Case> cases = new ArrayList<>();
        for (String text : LITERAL) {
            String statement = text + " " + System.nanoTime();
            cases.add(new Case("statement stored literally: " + abbreviate(text), Sender.REVIEWER,
                    c -> c.post("/claims", "statement", statement, "source", source.name), Outcome.STORED,
                    "SELECT count(*) FROM claim WHERE statement = ?1", statement));
            String name = (text + " " + System.nanoTime()).replace("\t", " ").replace("\n", " ");
            cases.add(new Case("source name stored literally: " + abbreviate(text), Sender.REVIEWER,
                    c -> c.post("/sources", "name", name, "kind", "other"), Outcome.STORED,
                    "SELECT count(*) FROM source WHERE name = ?1", name));
            String rationale = text + " " + System.nanoTime();
            cases.add(new Case("API rationale stored literally: " + abbreviate(text), Sender.REVIEWER,
                    c -> {
                        long version = DeskData.number("SELECT version FROM claim WHERE id = ?1", other.id);
                        return c.request().contentType("application/json")
                                .body("{\"status\":\"disputed\",\"rationale\":\"" + jsonEscape(rationale)
                                        + "\",\"version\":" + version + "}")
                                .post("/api/claims/" + other.id + "/verdicts");
                    }, Outcome.STORED, "SELECT count(*) FROM review WHERE rationale = ?1", rationale));
            String note = text + " " + System.nanoTime();
            cases.add(new Case("note stored literally: " + abbreviate(text), Sender.REVIEWER,
                    c -> c.post("/claims/" + claim.id + "/notes", "text", note), Outcome.STORED,
                    "SELECT count(*) FROM claim_note WHERE text = ?1", note));
        }
        return cases;
    }

    @Test
    void everyHostileInputIsRefusedWithA4xxOrStoredExactlyAsSent() {
        source = DeskData.source("Hostile", SourceKind.other);
        claim = DeskData.claim(source, "A claim under attack.");
        other = DeskData.claim(source, "Another claim under attack.");
        DeskClient someoneElse = Accounts.logIn(Role.reviewer);
        someoneElse.get("/account");
        foreignToken = someoneElse.cookie("claimdesk-csrf");
        Map<Sender, DeskClient> clients = Map.of(Sender.ANONYMOUS, DeskClient.anonymous(), Sender.REVIEWER,
                Accounts.logIn(Role.reviewer), Sender.ADMIN, Accounts.logIn(Role.admin));
        clients.values().forEach(c -> c.get("/login")); // the CSRF token an open form holds
        clients.get(Sender.REVIEWER).get("/account");
        clients.get(Sender.ADMIN).get("/account");
        Response imported = clients.get(Sender.REVIEWER).post("/articles/new", "title", "Hostile import", "body",
                "\"Exports rose by 12 percent last year,\" the trade minister said on Monday.");
        assertEquals(303, imported.statusCode(), imported.asString());
        draft = Long.parseLong(imported.header("Location").replaceAll(".*/articles/new/(\\d+).*", "$1"));
        List<Case> cases = cases();
        List<String> wrong = new ArrayList<>();
        int serverErrors = 0;
        int refused = 0;
        for (Case c : cases) {
            String before = DeskData.strings(COUNTS).get(0);
            Response response = c.send().apply(clients.get(c.sender()));
            int status = response.statusCode();
            String body = response.asString();
            if (status >= 500) {
                serverErrors++;
            }
            if (c.outcome() == Outcome.MARKED) {
                String after = DeskData.strings(COUNTS).get(0);
                String location = response.header("Location");
                if (status != 303 || location == null || !location.contains("/articles/new/" + draft)) {
                    wrong.add(c.name() + ": expected 303 back to the draft, got " + status + " " + abbreviate(body));
                } else if (!clients.get(c.sender()).get(location).asString().contains("class=\"error")) {
                    wrong.add(c.name() + ": the draft does not mark the mistake");
                }
                if (!before.equals(after)) {
                    wrong.add(c.name() + ": the database changed from " + before + " to " + after);
                }
            } else if (c.outcome() == Outcome.REFUSED) {
                refused++;
                String after = DeskData.strings(COUNTS).get(0);
                boolean loginRefused = c.sender() == Sender.ANONYMOUS && status == 302
                        && response.header("Location").contains("error");
                if (!(status >= 400 && status < 500) && !loginRefused) {
                    wrong.add(c.name() + ": expected 4xx, got " + status);
                } else if (!loginRefused && !explains(response, body)) {
                    wrong.add(c.name() + ": " + status + " without a message: " + abbreviate(body));
                }
                if (!before.equals(after)) {
                    wrong.add(c.name() + ": the database changed from " + before + " to " + after);
                }
            } else if (c.outcome() == Outcome.CLEANED) {
                if (status >= 400) {
                    wrong.add(c.name() + ": expected it cleaned and accepted, got " + status + " " + abbreviate(body));
                } else if (c.stored() != null && DeskData.number(c.stored(), c.text()) < 1) {
                    wrong.add(c.name() + ": not stored cleaned");
                }
            } else {
                if (status >= 400) {
                    wrong.add(c.name() + ": expected it stored, got " + status + " " + abbreviate(body));
                } else if (DeskData.number(c.stored(), c.text()) != 1) {
                    wrong.add(c.name() + ": not stored exactly as sent");
                }
            }
        }
        System.out.printf("Hostile input: %d cases (%d refused with a 4xx, %d stored literally), %d answered 5xx%n",
                cases.size(), refused, cases.stream().filter(c -> c.outcome() == Outcome.STORED).count(),
                serverErrors);
        System.out.printf("Hostile input: %d article texts with control characters cleaned and accepted%n",
                cases.stream().filter(c -> c.outcome() == Outcome.CLEANED).count());
        System.out.printf("Hostile input: %d of them on the import's review form, sent back marked%n",
                cases.stream().filter(c -> c.outcome() == Outcome.MARKED).count());
        assertEquals(List.of(), wrong);
        assertEquals(0, serverErrors);
        assertTrue(cases.size() >= 150, "at least 150 cases: " + cases.size());
    }

    @Test
    void legitimateUnicodeIsShownExactlyAsSent() {
        Source shown = DeskData.source("Unicode", SourceKind.other);
        DeskClient reviewer = Accounts.logIn(Role.reviewer);
        reviewer.get("/claims/new");
        for (String text : LITERAL.subList(7, 11)) {
            String statement = text + " " + System.nanoTime();
            Response created = reviewer.post("/claims", "statement", statement, "source", shown.name);
            assertEquals(303, created.statusCode(), created.asString());
            String page = reviewer.get(created.header("Location")).asString();
            assertTrue(page.contains(statement), "the page shows " + statement + " exactly");
            byte[] api = reviewer.request().get("/api" + created.header("Location").replaceAll("^https?://[^/]+", ""))
                    .asByteArray();
            String json = new String(api, StandardCharsets.UTF_8);
            // JSON may escape astral characters as surrogate pairs; the value read back must be the same
            assertEquals(statement, io.restassured.path.json.JsonPath.from(json).getString("statement"),
                    "the API returns it exactly");
        }
    }

    /** A refusal a person can act on: a form with its field marked, an error page, or a problem document. */
    private static boolean explains(Response response, String body) {
        String type = response.contentType() == null ? "" : response.contentType();
        if (type.startsWith("application/problem+json")) {
            return body.contains("\"detail\":\"") && !body.contains("\"detail\":\"\"");
        }
        return body.contains("class=\"error\"") || body.contains("class=\"error-page\"")
                || body.contains("class=\"notice error") || body.contains("role=\"alert\"");
    }

    private static Case formCase(Form form, String field, String what, String value) {
        return refused(form.name() + "." + field + ": " + what, form.sender(),
                c -> c.post(form.path(), flat(with(form.valid(), field, value))));
    }

    /** Article text that is cleaned, not refused: {@code stored} counts rows holding {@code sent} cleaned. */
    private static Case cleaned(String name, Function<DeskClient, Response> send, String stored, String sent) {
        return new Case(name, Sender.REVIEWER, send, Outcome.CLEANED, stored,
                org.claimdesk.article.extraction.ArticleCleaner.removeInvisible(sent).strip());
    }

    private static Case refused(String name, Sender sender, Function<DeskClient, Response> send) {
        return new Case(name, sender, send, Outcome.REFUSED, null, null);
    }

    private static Function<DeskClient, Response> api(String path, String body) {
        return c -> c.request().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, String> with(Map<String, String> valid, String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(valid);
        changed.put(field, value);
        return changed;
    }

    private static String[] flat(Map<String, String> fields) {
        return fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private static String encode(Map<String, String> fields, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(extra);
        return all.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch > 0x2000) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 60 ? flat.substring(0, 60) + "…(" + flat.length() + ")" : flat;
    }
}
