package org.p2csync.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the application logs while a block runs: the logger (slf4j-simple) writes to System.err as it is at each line,
 * so the block's lines are copied here and still go where they went.
 */
final class LogCapture {
    private LogCapture() {}

    @FunctionalInterface
    interface Block<T> {
        T run() throws Exception;
    }

    record Logged<T>(T result, String log) {}

    static <T> Logged<T> during(Block<T> block) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                copy.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            T result = block.run();
            tee.flush();
            return new Logged<>(result, copy.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
