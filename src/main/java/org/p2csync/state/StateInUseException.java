package org.p2csync.state;

/** Another sync holds the state database; the message names it (host, pid, since). Exit code 1. */
public final class StateInUseException extends RuntimeException {
    StateInUseException(String message) {
        super(message);
    }
}
