package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

/**
 * A request the Graph front refuses, with the HTTP status, error code and message Graph would
 * answer.
 */
final class GraphError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    GraphError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = requireNonNull(code, "code");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static GraphError badRequest(String message) {
        return new GraphError(400, "BadRequest", message);
    }

    static GraphError segmentNotFound(String segment) {
        return new GraphError(400, "BadRequest",
                "Resource not found for the segment '" + segment + "'.");
    }

    static GraphError itemNotFound() {
        return new GraphError(404, "ErrorItemNotFound",
                "The specified object was not found in the store.");
    }

    static GraphError malformedId() {
        return new GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.");
    }

    static GraphError mailAccessDenied() {
        return new GraphError(403, "ErrorAccessDenied",
                "Access is denied. Check credentials and try again.");
    }

    static GraphError directoryAccessDenied() {
        return new GraphError(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.");
    }
}
