package org.p2csync.schema;

/** A schema file that cannot be read as declared; the message names the file (and line, where there is one). */
public final class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
