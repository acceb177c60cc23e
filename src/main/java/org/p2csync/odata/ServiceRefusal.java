package org.p2csync.odata;

/**
 * The service answered a request with an error that no retry changes (4xx): the status and what the service said
 * ({@code error.message}, with its code), so a caller can tell the user why, e.g. which privilege is missing.
 */
public final class ServiceRefusal extends ODataException {
    private final String said;

    public ServiceRefusal(String message, int status, String said) {
        super(message, status);
        this.said = said;
    }

    /** The service's own words, e.g. "Principal user ... is missing prvCreateAttribute privilege ... (0x80040220)". */
    public String said() {
        return said;
    }
}
