package org.p2csync.odata;

import org.apache.camel.Exchange;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p2csync.sync.AreaReader;
import org.p2csync.sync.Batch;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.SourceReader;

/**
 * The source side: each poll is one run of the area, driven by the engine's {@link AreaReader} from the Camel
 * registry over this endpoint's OData reads ({@link ODataSource}). Pages travel through the route one at a time and
 * synchronously, so the route's last step can commit each page's hashes and cursor before the next page is read.
 */
final class ODataConsumer extends ScheduledPollConsumer {
    private final ODataEndpoint endpoint;

    ODataConsumer(ODataEndpoint endpoint, org.apache.camel.Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        long rows = lookup(AreaReader.class).run(endpoint.getArea(), this::source, this::route);
        return (int) Math.min(Integer.MAX_VALUE, rows);
    }

    private SourceReader source(ReadSpec spec) {
        if (!spec.entitySet().equals(endpoint.getEntitySet())) {
            throw new IllegalStateException("area " + endpoint.getArea() + " reads " + spec.entitySet()
                    + " but the endpoint " + endpoint.getEndpointUri() + " names " + endpoint.getEntitySet());
        }
        return new ODataSource(endpoint.client(), endpoint.getArea(), spec, endpoint.getPageSize(),
                endpoint.isCrossCompany(), endpoint.getOverlap());
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
