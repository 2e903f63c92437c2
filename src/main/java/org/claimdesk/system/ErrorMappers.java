package org.claimdesk.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.ForbiddenException;

/** Maps every exception that leaves a resource to a clear 4xx or 5xx answer, never a stack trace. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    ErrorPages pages;

    @ServerExceptionMapper
    public Response clientError(ClientError error, UriInfo uri) {
        return pages.response(error.status(), error.getMessage(), path(uri), error.fieldErrors());
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable busy, UriInfo uri) {
        return Response.fromResponse(pages.response(503, busy.getMessage(), path(uri))).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, UriInfo uri) {
        if (causedBy(error, NumberFormatException.class) && !malformedPath(uri)) {
            // JAX-RS answers a query parameter it cannot convert with 404 and a form field with 400; both are
            // the caller's typing, not a missing page
            return pages.response(400, "A number in the address or the form is not a valid whole number, or is too "
                    + "large. Correct it and try again.", path(uri));
        }
        // the messages of JAX-RS's own exceptions ("HTTP 404 Not Found") say nothing a reader needs
        return pages.response(error.getResponse().getStatus(), null, path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException error, UriInfo uri) {
        return pages.response(403, null, path(uri));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException error, UriInfo uri) {
        List<Map<String, String>> fields = error.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = fields.stream().map(f -> f.get("field") + ": " + f.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid.");
        return pages.response(400, detail, path(uri), fields);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response stale(RuntimeException error, UriInfo uri) {
        return pages.response(409, null, path(uri));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableJson(Exception error, UriInfo uri) {
        String where = "";
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (mapping.getOriginalMessage().startsWith("The text ")) {
                // text no one types (UnreadableText): name the field, as a form's refusal does
                return pages.response(400, "\"" + field + "\": " + mapping.getOriginalMessage(), path(uri),
                        List.of(ClientError.fieldError(field, mapping.getOriginalMessage())));
            }
            where = " The problem is at \"" + field + "\"";
            where += error instanceof UnrecognizedPropertyException ? ": no such field." : ": wrong type or value.";
        }
        return pages.response(400, "The request body is not valid JSON for this endpoint." + where
                + " Check the field names and types against the API documentation.", path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception error, UriInfo uri) {
        if (error instanceof IllegalArgumentException && error.getMessage() != null
                && error.getMessage().startsWith("Failed to decode")) {
            // RESTEasy's form reader on a body like "x=%zz"
            return pages.response(400, "The form data is not correctly encoded. Reload the page and submit the "
                    + "form again.", path(uri));
        }
        if (causedBy(error, OptimisticLockException.class) || causedBy(error, StaleObjectStateException.class)) {
            return pages.response(409, null, path(uri)); // a race that slipped past the version check of the form
        }
        String state = sqlState(error);
        if (state != null && state.startsWith("23")) {
            // an integrity rule the database enforces: usually a row this write refers to was removed or changed
            // by someone else between the checks and the commit (a merged source, say)
            return pages.response(409, "Someone changed or removed something this refers to while you were working, "
                    + "so nothing was saved. Reload the page and try again.", path(uri));
        }
        if (state != null && state.startsWith("22")) {
            return pages.response(400, "A value is outside what the desk can store (too long, or out of range). "
                    + "Nothing was saved.", path(uri));
        }
        if (databaseUnreachable(error)) {
            LOG.warnf("Database unreachable on %s: %s", path(uri), error.getMessage());
            return Response.fromResponse(pages.response(503, null, path(uri))).header("Retry-After", "5").build();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(error, "Unexpected error %s on %s", reference, path(uri));
        return pages.response(500, "Claimdesk could not complete the request, and nothing was changed. "
                + "The error was logged with reference " + reference + ".", path(uri));
    }

    /** True when an id in the address itself is not a number: that address does not exist (404). */
    private static boolean malformedPath(UriInfo uri) {
        return uri.getPathParameters().values().stream().flatMap(List::stream)
                .anyMatch(value -> !value.matches("\\d{1,18}"));
    }

    /** The SQLSTATE of the first database error in the causes, if any. */
    static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lost or refused connection (SQLSTATE class 08), a server shutting down (57P) or no free connection, as
     * opposed to a fault in Claimdesk.
     */
    static boolean databaseUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                // Narayana reports a commit that lost its connection as a RollbackException whose cause is
                // only among the suppressed exceptions
                if (databaseUnreachable(suppressed)) {
                    return true;
                }
            }
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                return true; // Agroal: every connection is busy, which to the caller is the same outage
            }
        }
        return false;
    }

    private static String path(UriInfo uri) {
        return ErrorPages.pathOf(uri);
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.body.username" -> "username": callers know fields, not Java methods
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
