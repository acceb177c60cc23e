package org.p2csync.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks the main thread until Ctrl-C (or SIGTERM), then lets it return so the caller's try-with-resources closes
 * Camel, the state store and the sandbox in order, before the JVM is allowed to exit. A stop asked for is a normal
 * end: once the main thread has closed everything and returned, the JVM exits 0 instead of the signal's 143, so a
 * service manager sees no failure.
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
                if (!main.isAlive()) {
                    // the command returned (a failure exits through System.exit, which cannot end a JVM shutting down)
                    Runtime.getRuntime().halt(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "p2c-shutdown"));
        stop.await();
    }
}
