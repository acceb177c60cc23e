package org.p2csync.state;

import java.util.Objects;

/**
 * Where the sync state lives: an H2 file under the data folder by default, a shared PostgreSQL when several instances
 * scale out.
 */
public record StateConfig(String jdbcUrl, String user, String password) {
    public StateConfig {
        Objects.requireNonNull(jdbcUrl, "state jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The URL for logs and messages: a password given as a URL parameter is masked. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "StateConfig[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password=***]";
    }
}
