package org.claimdesk.system;

import java.util.List;
import java.util.Map;

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

    public int status() {
        return status;
    }

    public List<Map<String, String>> fieldErrors() {
        return fieldErrors;
    }
}
