package org.p2csync.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Splits a page's keys into IN lists short enough for every driver, so a 5000-key page takes a handful of queries. */
final class KeyChunks {
    static final int SIZE = 1000;

    private KeyChunks() {}

    /** The distinct keys, in their first-seen order, split into chunks of at most {@link #SIZE}. */
    static List<List<String>> of(Collection<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + SIZE)));
        }
        return chunks;
    }
}
