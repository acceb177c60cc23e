package org.p2csync.odata;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.p2csync.sync.RequestCounter;

/**
 * Camel component for one OData system; the application registers it once per system, e.g. as "dataverse" and
 * "fno", so routes read {@code from: dataverse:accounts?area=accounts} and {@code to: fno:CustomersV3}. All
 * endpoints of one component share one {@link ODataClient}, hence one token and one throttle gate.
 */
public final class ODataComponent extends DefaultComponent {
    private final ODataClient client;
    private final boolean writes;

    public ODataComponent(ServiceConfig config, RequestCounter counter) {
        this(config, counter, true);
    }

    private ODataComponent(ServiceConfig config, RequestCounter counter, boolean writes) {
        this.client = new ODataClient(config, counter);
        this.writes = writes;
    }

    /**
     * A component for a dry run ({@code plan}) whose target endpoints write nothing: they compare each record with
     * the target's current copy and tell the {@link org.p2csync.sync.ChangePlan} of the registry. Sources read as
     * ever.
     */
    public static ODataComponent planning(ServiceConfig config, RequestCounter counter) {
        return new ODataComponent(config, counter, false);
    }

    /** False for a dry run's component, whose target endpoints send no write. */
    boolean writes() {
        return writes;
    }

    public ODataClient client() {
        return client;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("endpoint " + uri + " names no entity set");
        }
        ODataEndpoint endpoint = new ODataEndpoint(uri, this, client, remaining);
        endpoint.setCrossCompany(client.config().dialect() == Dialect.FNO);
        setProperties(endpoint, parameters);
        if (endpoint.getArea() == null || endpoint.getArea().isBlank()) {
            throw new IllegalArgumentException("endpoint " + uri + " needs the option area");
        }
        return endpoint;
    }
}
