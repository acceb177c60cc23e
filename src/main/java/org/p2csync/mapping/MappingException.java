package org.p2csync.mapping;

import java.nio.file.Path;
import java.util.List;

/**
 * A mapping file that cannot be used. One exception carries every problem found, so an integrator fixes the file in
 * one pass instead of one error per run; each problem reads {@code file:line: message}.
 */
public final class MappingException extends RuntimeException {
    private final Path file;
    private final int line;
    private final List<String> problems;

    MappingException(Path file, int line, List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.file = file;
        this.line = line;
        this.problems = List.copyOf(problems);
    }

    /** The mapping file at fault. */
    public Path file() {
        return file;
    }

    /** The line of the first problem (1-based), or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** Every problem, each as {@code file:line: message}, in file order. */
    public List<String> problems() {
        return problems;
    }
}
