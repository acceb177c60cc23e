package org.p2csync.sandbox;

/**
 * A request the simulated service refuses. {@link ODataResponse#error(ServiceKind, ODataError)} renders it in the
 * service's own error shape: Dataverse {@code {"error":{"code":"0x...","message":...}}}, F&amp;O
 * {@code {"error":{"code":"","message":...}}} with, for a write its entity refused, F&amp;O's generic message and the
 * detail in {@code innererror}.
 *
 * <p>Dataverse codes: 0x80060888 (OData payload or query the service cannot take), 0x0 (unknown property in a query,
 * as Microsoft's "Troubleshoot Web API client errors" shows it), 0x8006088a (unknown resource segment), 0x80040217
 * (record does not exist), 0x80040237 (duplicate record). What else a real org answers is unconfirmed: the sandbox
 * uses 0x80060888 for every refused payload.
 */
final class ODataError extends RuntimeException {
    /** Where F&amp;O would refuse it: its OData layer (the request), or the entity's validation (the write). */
    enum Layer { REQUEST, WRITE }

    static final String INVALID = "0x80060888";

    private final int status;
    private final String code;
    private final Layer layer;

    ODataError(int status, String code, String message) {
        this(status, code, message, Layer.REQUEST);
    }

    ODataError(int status, String code, String message, Layer layer) {
        super(message);
        this.status = status;
        this.code = code;
        this.layer = layer;
    }

    static ODataError badRequest(String message) {
        return new ODataError(400, INVALID, message);
    }

    /** A query naming a property the type lacks. */
    static ODataError unknownProperty(String message) {
        return new ODataError(400, "0x0", message);
    }

    /** A write whose values the entity refuses (lengths, enum members, choices, references, immutable fields). */
    static ODataError writeRefused(String message) {
        return new ODataError(400, INVALID, message, Layer.WRITE);
    }

    static ODataError notFound(String message) {
        return new ODataError(404, "0x80040217", message);
    }

    static ODataError noSuchSegment(String segment) {
        return new ODataError(404, "0x8006088a", "Resource not found for the segment '" + segment + "'.");
    }

    static ODataError preconditionFailed(String message) {
        return new ODataError(412, "0x80040237", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Layer layer() {
        return layer;
    }
}
