package org.p2csync.flow;

import java.util.Map;
import org.p2csync.state.StateStore;

/** The records an area has written, by source id: what a complete full read is compared with to find deletes. */
@FunctionalInterface
public interface WrittenSources {
    /** Nothing written anywhere: no record can have vanished. */
    WrittenSources NONE = area -> Map.of();

    /** Source id -> source key (null when unknown) of every record the area wrote and has not deleted since. */
    Map<String, String> bySourceId(String area);

    static WrittenSources of(StateStore state) {
        return area -> state.recordState(area).writtenSources();
    }
}
