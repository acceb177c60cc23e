package org.p2csync.sync;

import java.util.function.Function;

/**
 * The engine's side of a source endpoint's poll: one run of an area, read through the connector's
 * {@link SourceReader}. The run is opened, waiting records are re-read, the area's read strategy (change tracking, a
 * timestamp watermark, or a full read) reads page after page, and each page goes to the sink as a {@link Batch};
 * when reading or the sink fails, the run is closed as aborted and the failure rethrown. The application registers
 * one instance in the Camel registry.
 */
public interface AreaReader {
    /**
     * @param source opens the connector's reads for what the area reads (called once, before the run opens)
     * @return the records handed on
     */
    long run(String area, Function<ReadSpec, SourceReader> source, BatchSink sink) throws Exception;
}
