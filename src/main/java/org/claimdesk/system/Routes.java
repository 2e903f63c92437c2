package org.claimdesk.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

/**
 * Every page link, in one place: Java redirects call these methods and templates use {@code {route:name}}.
 */
@TemplateExtension(namespace = "route")
public final class Routes {

    private Routes() {
    }

    public static String dashboard() {
        return "/";
    }

    /** "Checked before?": the desk's claims closest to a pasted text (org.claimdesk.match). */
    public static String checkedBefore() {
        return "/checked-before";
    }

    public static String login() {
        return "/login";
    }

    public static String loginCheck() {
        return "/j_security_check";
    }

    public static String logout() {
        return "/logout";
    }

    public static String myAccount() {
        return "/account";
    }

    public static String myPassword() {
        return "/account/password";
    }

    public static String accounts() {
        return "/admin/accounts";
    }

    public static String newAccount() {
        return "/admin/accounts/new";
    }

    public static String account(Long id) {
        return "/admin/accounts/" + id;
    }

    public static String accountRole(Long id) {
        return account(id) + "/role";
    }

    public static String accountActive(Long id) {
        return account(id) + "/active";
    }

    public static String accountPassword(Long id) {
        return account(id) + "/password";
    }

    public static String auditLog() {
        return "/admin/audit";
    }

    public static String auditLog(int page) {
        return page <= 1 ? auditLog() : auditLog() + "?page=" + page;
    }

    public static String claims() {
        return "/claims";
    }

    public static String newClaim() {
        return "/claims/new";
    }

    public static String claim(Long id) {
        return "/claims/" + id;
    }

    public static String editClaim(Long id) {
        return claim(id) + "/edit";
    }

    /** A claim's page with its related claims found. */
    public static String claimRelated(Long id) {
        return claim(id) + "?related=true#related";
    }

    public static String claimVerdicts(Long id) {
        return claim(id) + "/verdicts";
    }

    public static String claimLinks(Long id) {
        return claim(id) + "/links";
    }

    public static String claimApprovals(Long id) {
        return claim(id) + "/approvals";
    }

    public static String claimNotes(Long id) {
        return claim(id) + "/notes";
    }

    public static String claimsBulk() {
        return claims() + "/bulk";
    }

    public static String claimUnlink(Long id, Long linkId) {
        return claimLinks(id) + "/" + linkId + "/delete";
    }

    public static String sources() {
        return "/sources";
    }

    public static String newSource() {
        return "/sources/new";
    }

    public static String source(Long id) {
        return "/sources/" + id;
    }

    public static String editSource(Long id) {
        return source(id) + "/edit";
    }

    public static String mergeSource(Long id) {
        return source(id) + "/merge";
    }

    public static String articles() {
        return "/articles";
    }

    public static String newArticle() {
        return "/articles/new";
    }

    /** The review of an article being imported. */
    public static String articleDraft(Long id) {
        return newArticle() + "/" + id;
    }

    public static String articleReviewScript() {
        return AssetVersions.of("/static/article-review.js");
    }

    public static String article(Long id) {
        return "/articles/" + id;
    }

    public static String editArticle(Long id) {
        return article(id) + "/edit";
    }

    /** The claims of one source, as a filtered list. */
    public static String claimAttributionVerdicts(Long id) {
        return claim(id) + "/attribution-verdicts";
    }

    public static String claimsWithAttribution(String status) {
        return claims() + "?attribution=" + status;
    }

    public static String claimsOfSource(Long id) {
        return claims() + "?sourceId=" + id;
    }

    /** {@code path} with the non-null parameters as its query string, values URL-encoded, in the map's order. */
    public static String withQuery(String path, Map<String, String> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    public static String claimsWithTag(String tag) {
        return withQuery(claims(), Map.of("tag", tag));
    }

    public static String claimsOfArticle(Long id) {
        return claims() + "?articleId=" + id;
    }

    // --- publishing (org.claimdesk.publish) ---

    public static String factChecks() {
        return "/fact-checks";
    }

    public static String factChecksPage(int page) {
        return page <= 1 ? factChecks() : factChecks() + "?page=" + page;
    }

    public static String factCheck(String slug) {
        return factChecks() + "/" + slug;
    }

    public static String factChecksFeed() {
        return "/fact-checks.atom";
    }

    public static String factChecksDataFeed() {
        return "/fact-checks.jsonld";
    }

    public static String claimPublication(Long id) {
        return claim(id) + "/publication";
    }

    public static String claimUnpublish(Long id) {
        return claimPublication(id) + "/delete";
    }

    public static String claimCorrection(Long id) {
        return claimPublication(id) + "/correction";
    }

    public static String claimReviewImport() {
        return "/imports/claimreview";
    }

    public static String ratingMappings() {
        return "/admin/ratings";
    }

    public static String ratingMappingDelete() {
        return ratingMappings() + "/delete";
    }

    /** The CSV export of the claims; {@link org.claimdesk.claim.ClaimFilter#csvUrl()} adds a list's filter. */
    public static String claimsCsv() {
        return "/api/exports/claims.csv";
    }

    public static String tableImports() {
        return "/imports/tables";
    }

    public static String tableImport(Long id) {
        return tableImports() + "/" + id;
    }

    public static String startTableImport(Long id) {
        return tableImport(id) + "/start";
    }

    public static String tableImportReport(Long id) {
        return tableImport(id) + "/report.csv";
    }

    public static String favicon() {
        return AssetVersions.of("/static/favicon.svg");
    }

    public static String stylesheet() {
        return AssetVersions.of("/static/claimdesk.css");
    }

    /** Keyboard shortcuts and the help dialog: progressive enhancement, every page works without it. */
    public static String script() {
        return AssetVersions.of("/static/claimdesk.js");
    }

    /** htmx from its webjar (org.webjars.npm:htmx.org in pom.xml, same version), served by the app itself. */
    public static String htmx() {
        return "/webjars/htmx.org/2.0.10/dist/htmx.min.js";
    }
}
