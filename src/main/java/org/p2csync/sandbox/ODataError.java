package org.p2csync.sandbox;

/** A request the simulated service refuses; rendered as {@code {"error":{"code":..,"message":..}}} with its status. */
final class ODataError extends RuntimeException {
    private final int status;
    private final String code;

    ODataError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ODataError badRequest(String message) {
        return new ODataError(400, "BadRequest", message);
    }

    static ODataError notFound(String message) {
        return new ODataError(404, "NotFound", message);
    }

    static ODataError preconditionFailed(String message) {
        return new ODataError(412, "PreconditionFailed", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
