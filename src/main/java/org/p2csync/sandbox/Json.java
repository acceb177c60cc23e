package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the sandbox; thread-safe once configured. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
