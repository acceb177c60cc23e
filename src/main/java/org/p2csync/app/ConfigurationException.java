package org.p2csync.app;

/** A setting is missing or wrong; the message says which and how to fix it. Exit code 1. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
