package org.p2csync.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks the main thread until Ctrl-C (or SIGTERM), then lets it return so the caller's try-with-resources closes
 * Camel, the state store and the sandbox in order, before the JVM is allowed to exit.
 */
final class UntilStopped {
    private UntilStopped() {}

    static void await() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                // Hold the JVM until the main thread has closed everything (bounded, so a stuck close cannot hang).
                main.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "p2c-shutdown"));
        stop.await();
    }
}
