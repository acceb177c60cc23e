package org.p2csync.odata;

/** A page's JSON could not be parsed, even after retries. */
public class MalformedPageException extends ODataException {
    private final String parserMessage;

    public MalformedPageException(String request, String parserMessage, Throwable cause) {
        super("malformed JSON from " + request + ": " + parserMessage, 200, cause);
        this.parserMessage = parserMessage;
    }

    /** What the JSON parser said, with its position; shown to people on the record's error row. */
    public String parserMessage() {
        return parserMessage;
    }
}
