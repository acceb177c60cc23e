package org.p2csync.sync;

/** A run's result as the Data Integrator reported it. */
public enum Outcome {
    /** Nothing failed. */
    Completed,
    /** Some records failed, others were written or needed no write. */
    Warning,
    /** Records failed and none was written. */
    Error,
    /** The area was paused: the run read nothing and its cursor stayed. Never the result of {@link #of}. */
    Paused;

    public static Outcome of(long written, long failed) {
        if (failed == 0) {
            return Completed;
        }
        return written == 0 ? Error : Warning;
    }
}
