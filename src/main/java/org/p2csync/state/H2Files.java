package org.p2csync.state;

import java.nio.file.Path;
import java.util.Optional;

/** The file behind an embedded H2 URL, and the URL that reaches it through the sync that holds it. */
final class H2Files {
    private static final String FILE = "jdbc:h2:file:";

    private H2Files() {}

    /** The database file of {@code jdbc:h2:file:/path/state;...} (without H2's .mv.db), for an embedded H2 URL only. */
    static Optional<Path> of(String jdbcUrl) {
        if (!jdbcUrl.startsWith(FILE)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(FILE.length());
        int settings = rest.indexOf(';');
        return Optional.of(Path.of(settings < 0 ? rest : rest.substring(0, settings)).toAbsolutePath());
    }

    /** The served database on the holder's loopback port. */
    static String served(Path file, int port) {
        return "jdbc:h2:tcp://" + StateServer.LOOPBACK + ":" + port + "/" + file.toString().replace('\\', '/');
    }
}
