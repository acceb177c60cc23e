package org.p2csync.odata;

import java.time.Duration;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * One entity set of one system. As a source it polls (each poll is one run of the area, scheduled with Camel's
 * standard scheduled-poll options); as a target it upserts the READY items of each Batch.
 */
public final class ODataEndpoint extends ScheduledPollEndpoint {
    static final int MAX_BATCH_SIZE = 1000;

    private final ODataClient client;
    private final String entitySet;
    private String area;
    private int pageSize;
    private Duration overlap = Duration.ZERO;
    private int batchSize = MAX_BATCH_SIZE;
    private boolean crossCompany;

    ODataEndpoint(String uri, Component component, ODataClient client, String entitySet) {
        super(uri, component);
        this.client = client;
        this.entitySet = entitySet;
        this.pageSize = client.config().dialect().maxPageSize();
    }

    @Override
    public Producer createProducer() {
        return getComponent() instanceof ODataComponent c && !c.writes() ? new PlanningProducer(this)
                : new ODataProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ODataConsumer consumer = new ODataConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    ODataClient client() {
        return client;
    }

    public String getEntitySet() {
        return entitySet;
    }

    public String getArea() {
        return area;
    }

    /** The integration area this endpoint reads or writes for; names the cursor, run and request counts. */
    public void setArea(String area) {
        this.area = area;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * Rows per page, sent as Prefer: odata.maxpagesize; by default the most the service serves (Dataverse 5000,
     * F&amp;O 10000).
     */
    public void setPageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public Duration getOverlap() {
        return overlap;
    }

    /** How far behind the stored watermark a run starts, as an ISO-8601 duration (e.g. PT5S). */
    public void setOverlap(String overlap) {
        Duration parsed = Duration.parse(overlap);
        if (parsed.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative, got " + overlap);
        }
        this.overlap = parsed;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Operations per $batch request; the services accept at most 1000. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public boolean isCrossCompany() {
        return crossCompany;
    }

    /** F&amp;O only: read every company rather than the service user's default one. */
    public void setCrossCompany(boolean crossCompany) {
        this.crossCompany = crossCompany && client.config().dialect() == Dialect.FNO;
    }
}
