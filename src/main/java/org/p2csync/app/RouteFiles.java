package org.p2csync.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The route files a sync runs ({@code <p2c.routes>/*.camel.yaml}). A missing or empty folder is a mistake, refused
 * before anything starts: otherwise a sync would start, run no area and exit 0.
 */
public final class RouteFiles {
    static final String SUFFIX = ".camel.yaml";

    private RouteFiles() {}

    /** @return the route files, sorted; at least one */
    public static List<Path> require(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("routes folder " + dir.toAbsolutePath() + " does not exist (set"
                    + " p2c.routes)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> routes = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
            if (routes.isEmpty()) {
                throw new ConfigurationException("routes folder " + dir.toAbsolutePath() + " holds no *" + SUFFIX
                        + " file, so there is no area to sync (set p2c.routes)");
            }
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list routes folder " + dir.toAbsolutePath(), e);
        }
    }
}
