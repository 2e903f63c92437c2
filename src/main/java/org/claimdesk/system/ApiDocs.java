package org.claimdesk.system;

import jakarta.ws.rs.core.Application;


import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The description of the JSON API served at {@code /q/openapi}: what the whole document shares (accounts, the error
 * documents, the claim filters). Endpoints refer to these parts by name, e.g. {@code @APIResponse(responseCode =
 * "400", ref = ApiDocs.BAD_REQUEST)} or {@code @Parameter(ref = ApiDocs.STATUS)}; see the README, "The JSON API".
 * An {@link Application} only because that is where MicroProfile OpenAPI reads the definition; it declares no path,
 * so every resource stays where it is.
 */
@OpenAPIDefinition(
        info = @Info(title = "Claimdesk API", version = "1", description = """
                The JSON API of Claimdesk, a fact-checking workbench for attributed claims. Log in with HTTP Basic \
                (scripts) or a browser session. Viewers read, reviewers write, admins manage accounts. Every error \
                is an RFC 9457 problem document (application/problem+json)."""),
        security = { @SecurityRequirement(name = ApiDocs.BASIC), @SecurityRequirement(name = ApiDocs.SESSION) },
        tags = { @Tag(name = "Accounts", description = "Who you are, and the accounts admins manage"),
                @Tag(name = "Sources", description = "Who makes claims"),
                @Tag(name = "Claims", description = "Attributed claims, their decisions and history"),
                @Tag(name = "Exports", description = "Claims as files"),
                @Tag(name = "Articles", description = "Articles and the claims found in them"),
                @Tag(name = "Publishing", description = "Public fact-checks and their ClaimReview"),
                @Tag(name = "Imports", description = "Fact-checks from elsewhere, as ClaimReview JSON-LD") },
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = ApiDocs.BASIC, type = SecuritySchemeType.HTTP,
                                scheme = "basic", description = "An account's username and password"),
                        @SecurityScheme(securitySchemeName = ApiDocs.SESSION, type = SecuritySchemeType.APIKEY,
                                apiKeyName = "claimdesk-session",
                                in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.COOKIE,
                                description = "The session cookie of a browser login") },
                responses = {
                        @APIResponse(name = ApiDocs.BAD_REQUEST, responseCode = "400",
                                description = "Invalid input; `errors` names each invalid field",
                                content = @Content(mediaType = Problems.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "invalid", value = """
                                                {"type":"about:blank","title":"Bad Request","status":400,\
                                                "detail":"Filter by a status: verified, disputed, unverified.",\
                                                "instance":"/api/claims","errors":[{"field":"status",\
                                                "message":"Filter by a status: verified, disputed, unverified."}]}\
                                                """))),
                        @APIResponse(name = ApiDocs.UNAUTHORIZED, responseCode = "401",
                                description = "No valid credentials",
                                content = @Content(mediaType = Problems.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "unauthorized", value = """
                                                {"type":"about:blank","title":"Unauthorized","status":401,\
                                                "detail":"Log in to use the API: HTTP Basic or a session.",\
                                                "instance":"/api/claims"}"""))),
                        @APIResponse(name = ApiDocs.FORBIDDEN, responseCode = "403",
                                description = "The account's role may not do this",
                                content = @Content(mediaType = Problems.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "forbidden", value = """
                                                {"type":"about:blank","title":"Forbidden","status":403,\
                                                "detail":"Your account may not do this.","instance":"/api/claims"}\
                                                """))),
                        @APIResponse(name = ApiDocs.NOT_FOUND, responseCode = "404", description = "No such thing",
                                content = @Content(mediaType = Problems.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "notFound", value = """
                                                {"type":"about:blank","title":"Not Found","status":404,\
                                                "detail":"There is no claim with id 99.","instance":"/api/claims/99"}\
                                                """))),
                        @APIResponse(name = ApiDocs.CONFLICT, responseCode = "409",
                                description = "A name is taken, or the thing changed since the version sent",
                                content = @Content(mediaType = Problems.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "conflict", value = """
                                                {"type":"about:blank","title":"Conflict","status":409,\
                                                "detail":"This claim changed after you opened it: someone decided \
                                                or edited it.","instance":"/api/claims/12/verdicts"}"""))) },
                parameters = {
                        @Parameter(name = ApiDocs.STATUS, in = ParameterIn.QUERY, description = "Only claims of "
                                + "this status", schema = @Schema(enumeration = { "verified", "disputed",
                                        "unverified" }), example = "disputed"),
                        @Parameter(name = ApiDocs.SOURCE_ID, in = ParameterIn.QUERY,
                                description = "Only claims of this source", example = "51"),
                        @Parameter(name = ApiDocs.KIND, in = ParameterIn.QUERY,
                                description = "Only claims of sources of this kind", schema = @Schema(enumeration = {
                                        "state_media", "government", "intelligence_agency", "military", "news_outlet",
                                        "person", "analysts", "ngo", "company", "other" }), example = "government"),
                        @Parameter(name = ApiDocs.TAG, in = ParameterIn.QUERY,
                                description = "Only claims with this tag", example = "trade"),
                        @Parameter(name = ApiDocs.ARTICLE_ID, in = ParameterIn.QUERY,
                                description = "Only claims quoted from this article", example = "101"),
                        @Parameter(name = ApiDocs.ASSIGNEE_ID, in = ParameterIn.QUERY,
                                description = "Only claims assigned to this account", example = "3"),
                        @Parameter(name = ApiDocs.FROM, in = ParameterIn.QUERY,
                                description = "Only claims made on or after this date", example = "2024-01-01",
                                schema = @Schema(format = "date")),
                        @Parameter(name = ApiDocs.TO, in = ParameterIn.QUERY,
                                description = "Only claims made on or before this date", example = "2024-12-31",
                                schema = @Schema(format = "date")),
                        @Parameter(name = ApiDocs.Q, in = ParameterIn.QUERY, description = "Full-text search over "
                                + "statements, quotes and source names: \"a phrase\", or, -word",
                                example = "korea shells"),
                        @Parameter(name = ApiDocs.SORT, in = ParameterIn.QUERY, description = "The order",
                                schema = @Schema(enumeration = { "newest", "oldest", "decided" },
                                        defaultValue = "newest")) },
                schemas = @Schema(name = ApiDocs.PROBLEM, description = "An RFC 9457 problem document",
                        properties = {
                                @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "type",
                                        example = "about:blank"),
                                @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "title",
                                        example = "Bad Request"),
                                @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "status",
                                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                                        example = "400"),
                                @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "detail"),
                                @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "instance"),
                                @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "errors",
                                        description = "One entry per invalid field: {\"field\", \"message\"}",
                                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY) })))
public class ApiDocs extends Application {

    public static final String BASIC = "basic";
    public static final String SESSION = "session";

    public static final String PROBLEM = "Problem";
    static final String PROBLEM_SCHEMA = "#/components/schemas/" + PROBLEM;

    /** Responses, for {@code @APIResponse(responseCode = "...", ref = ...)}. */
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";

    /** The claim filters of {@code /api/claims} and its export, for {@code @Parameter(ref = ...)}. */
    public static final String STATUS = "status";
    public static final String SOURCE_ID = "sourceId";
    public static final String KIND = "kind";
    public static final String TAG = "tag";
    public static final String ARTICLE_ID = "articleId";
    public static final String ASSIGNEE_ID = "assigneeId";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String Q = "q";
    public static final String SORT = "sort";
}
