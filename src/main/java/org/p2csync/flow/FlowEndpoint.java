package org.p2csync.flow;

import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.p2csync.sync.Batch;

/** A stage as a producer endpoint: takes the page in the body and puts the page's next state back. */
final class FlowEndpoint extends DefaultEndpoint {
    private final BatchStep step;

    FlowEndpoint(String uri, FlowComponent component, BatchStep step) {
        super(uri, component);
        this.step = step;
    }

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) throws Exception {
                Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
                exchange.getIn().setBody(step.apply(batch));
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointUri() + " is a stage of a route, not a source");
    }

    @Override
    public boolean isRemote() {
        return false;
    }
}
