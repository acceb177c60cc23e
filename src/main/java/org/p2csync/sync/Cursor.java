package org.p2csync.sync;

/**
 * Where an area's incremental read resumes: the last row's modified-on value plus its id, so rows sharing one
 * timestamp across a page boundary are neither skipped nor read forever. {@link #START} reads from the beginning.
 */
public record Cursor(String watermark, String tieBreaker) {
    public static final Cursor START = new Cursor(null, null);

    public boolean isStart() {
        return watermark == null;
    }
}
