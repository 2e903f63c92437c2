package org.claimdesk.system;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Turns an error status into what the caller can read: an HTML page in the browser, a problem document on the API. */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate(basePath = "Errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);

        /** Without the layout, which needs the signed-in account: for failures that happen before or during login. */
        static native TemplateInstance bare(int status, String title, String detail);
    }

    @Inject
    Problems problems;

    public Response response(int status, String detail, String path) {
        return response(status, detail, path, List.of());
    }

    public Response response(int status, String detail, String path, List<Map<String, String>> fieldErrors) {
        String title = title(status);
        String text = detail == null || detail.isBlank() ? defaultDetail(status) : detail;
        if (Problems.isApi(path)) {
            return Response.status(status).type(Problems.MEDIA_TYPE)
                    .entity(problems.json(status, title, text, path, fieldErrors)).build();
        }
        // a 5xx may come from the database being away, and the layout would ask it who is signed in
        TemplateInstance page = status >= 500 ? Templates.bare(status, title, text) : Templates.error(status, title, text);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** The request path as callers know it, with its leading slash, whatever JAX-RS made of it. */
    public static String pathOf(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Login required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 415 -> "Unsupported content type";
            case 429 -> "Too many attempts";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request could not be accepted. If you submitted a form, reload the page and try again: "
                    + "forms expire after two hours.";
            case 401 -> "Log in to continue.";
            case 403 -> "Your role does not allow this. Ask an administrator if you need it.";
            case 404 -> "There is nothing at this address. It may have been removed, or the link may be mistyped.";
            case 405 -> "This address does not accept that kind of request.";
            case 406 -> "This address cannot answer in the format that was asked for.";
            case 409 -> "Someone else changed this at the same time. Reload the page to see the current version.";
            case 413 -> "What you sent is larger than Claimdesk accepts.";
            case 415 -> "Claimdesk does not accept this content type here.";
            case 429 -> "Too many attempts in a short time. Wait a few minutes and try again.";
            case 503 -> "Claimdesk cannot reach its database right now. Try again in a moment.";
            default -> status >= 500
                    ? "Claimdesk could not complete the request. Nothing was changed. The error has been logged."
                    : "The request was refused.";
        };
    }
}
