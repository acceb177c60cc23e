package org.p2csync.odata;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p2csync.sync.Areas;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RunLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side: each poll is one run of the area. Pages travel through the route one at a time and
 * synchronously, so the route's last step can commit each page's hashes and cursor before the next page is read.
 */
final class ODataConsumer extends ScheduledPollConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(ODataConsumer.class);

    /** Waiting records re-read per run; the rest follow on later runs, oldest first. */
    static final int MAX_PENDING_PER_RUN = 5000;

    private final ODataEndpoint endpoint;

    ODataConsumer(ODataEndpoint endpoint, org.apache.camel.Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        String area = endpoint.getArea();
        ReadSpec spec = lookup(Areas.class).readSpec(area);
        if (!spec.entitySet().equals(endpoint.getEntitySet())) {
            throw new IllegalStateException("area " + area + " reads " + spec.entitySet() + " but the endpoint "
                    + endpoint.getEndpointUri() + " names " + endpoint.getEntitySet());
        }
        CursorStore cursors = lookup(CursorStore.class);
        RunLifecycle lifecycle = lookup(RunLifecycle.class);
        KeysetQuery keyset = new KeysetQuery(spec, endpoint.client().config().dialect(), endpoint.isCrossCompany());
        String runId = lifecycle.begin(area);
        try {
            AreaRun run = new AreaRun(endpoint.client(), area, runId, spec, keyset, endpoint.getPageSize(),
                    endpoint.isCrossCompany());
            Cursor stored = cursors.load(area);
            if (!spec.changeTracking() && DeltaRun.isDelta(stored)) {
                // the mapping dropped change tracking: a delta link is no modified-on watermark, read from the start
                LOG.info("{}: stored cursor is a delta link but change tracking is off; reading from the start", area);
                stored = Cursor.START;
            }
            retryWaiting(run, area, stored);
            long rows = spec.changeTracking()
                    ? new DeltaRun(endpoint.client(), area, runId, spec, endpoint.getPageSize())
                            .execute(stored, this::route)
                    : run.execute(KeysetQuery.startOf(stored, endpoint.getOverlap()), this::route);
            LOG.info("{}: run {} read {} rows", area, runId, rows);
            return (int) Math.min(Integer.MAX_VALUE, rows);
        } catch (Exception e) {
            LOG.warn("{}: run {} stopped: {}", area, runId, e.getMessage());
            lifecycle.abort(runId, e);
            throw e;
        }
    }

    /** Records waiting for a reference go first, so they are written as soon as their reference exists. */
    private void retryWaiting(AreaRun run, String area, Cursor cursor) throws Exception {
        PendingRecords pending = endpoint.getCamelContext().getRegistry().findSingleByType(PendingRecords.class);
        if (pending == null) {
            return;
        }
        List<String> ids = pending.pending(area, MAX_PENDING_PER_RUN);
        if (ids.isEmpty()) {
            return;
        }
        LOG.info("{}: re-reading {} records waiting for a reference", area, ids.size());
        List<String> gone = run.retryPending(ids, cursor, this::route);
        if (!gone.isEmpty()) {
            LOG.info("{}: {} waiting records no longer exist at the source (deleted there); no longer waiting: {}",
                    area, gone.size(), gone);
            pending.dropped(area, gone);
        }
    }

    private void route(Batch batch) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(batch);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private <T> T lookup(Class<T> type) {
        T found = endpoint.getCamelContext().getRegistry().findSingleByType(type);
        if (found == null) {
            throw new IllegalStateException("endpoint " + endpoint.getEndpointUri() + " needs exactly one "
                    + type.getSimpleName() + " in the Camel registry");
        }
        return found;
    }
}
