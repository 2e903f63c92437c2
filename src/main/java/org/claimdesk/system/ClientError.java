package org.claimdesk.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request the caller must change before it can succeed; the message is shown to them as it is. */
public class ClientError extends RuntimeException {

    private final int status;
    private final transient List<Map<String, String>> fieldErrors;

    public ClientError(int status, String message) {
        this(status, message, List.of());
    }

    public ClientError(int status, String message, List<Map<String, String>> fieldErrors) {
        super(message, null, false, false);
        this.status = status;
        this.fieldErrors = fieldErrors;
    }

    public static ClientError badRequest(String message) {
        return new ClientError(400, message);
    }

    public static ClientError notFound(String message) {
        return new ClientError(404, message);
    }

    public static ClientError conflict(String message) {
        return new ClientError(409, message);
    }

    /** A 400 naming each invalid field; its message joins theirs. */
    public static ClientError invalid(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("message")).collect(Collectors.joining(" "));
        return new ClientError(400, detail, errors);
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The field errors keyed by field, as forms show them next to their inputs. */
    public Map<String, String> byField() {
        return fieldErrors.stream()
                .collect(Collectors.toMap(e -> e.get("field"), e -> e.get("message"), (a, b) -> a + " " + b));
    }

    public int status() {
        return status;
    }

    public List<Map<String, String>> fieldErrors() {
        return fieldErrors;
    }
}
