package org.p2csync.sync;

/** Persisted read position per area. */
public interface CursorStore {
    Cursor load(String area);

    void save(String area, Cursor cursor);
}
