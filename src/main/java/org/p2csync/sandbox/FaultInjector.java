package org.p2csync.sandbox;

import java.util.Random;

/** Decides, reproducibly from the seed, which fault (if any) a data request suffers. */
final class FaultInjector {
    enum Fault { NONE, THROTTLE, SERVER_ERROR, RESET_BEFORE, RESET_AFTER }

    private final Random random;
    private volatile FaultSpec spec;

    FaultInjector(FaultSpec spec, long seed) {
        this.spec = spec;
        this.random = new Random(seed);
    }

    FaultSpec spec() {
        return spec;
    }

    void set(FaultSpec next) {
        this.spec = next;
    }

    /** A write that is reset may be dropped before or after it is applied, as on a real network. */
    synchronized Fault decide(boolean write) {
        FaultSpec s = spec;
        if (s.isNone()) {
            return Fault.NONE;
        }
        if (hit(s.reset())) {
            return write && random.nextBoolean() ? Fault.RESET_AFTER : Fault.RESET_BEFORE;
        }
        if (hit(s.throttle())) {
            return Fault.THROTTLE;
        }
        if (hit(s.serverError())) {
            return Fault.SERVER_ERROR;
        }
        return Fault.NONE;
    }

    synchronized boolean malform() {
        return hit(spec.malformed());
    }

    private boolean hit(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
