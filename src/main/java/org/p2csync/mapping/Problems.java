package org.p2csync.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects what is wrong with one mapping file, so loading and validation report everything at once. */
final class Problems {
    private record Problem(int line, String message) {}

    private final Path file;
    private final List<Problem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** @param line 1-based, or 0 when no line applies */
    void add(int line, String message) {
        found.add(new Problem(line, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<Problem> sorted =
                found.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
        List<String> lines = sorted.stream().map(this::format).toList();
        throw new MappingException(file, sorted.get(0).line(), lines);
    }

    private String format(Problem p) {
        return p.line() > 0 ? file + ":" + p.line() + ": " + p.message() : file + ": " + p.message();
    }
}
