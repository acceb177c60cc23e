package org.p2csync.flow;

/** Told about every run that ends, completed or aborted. */
@FunctionalInterface
public interface RunListener {
    void finished(RunSummary summary);
}
