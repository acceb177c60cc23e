package org.p2csync.app;

import java.util.Map;
import org.p2csync.odata.Dialect;
import org.p2csync.odata.ODataComponent;
import org.p2csync.odata.ServiceConfig;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.RequestCounter;

/** The two connector components, one per system, sharing the request counter the run reports read. */
record Connectors(ODataComponent crmComponent, ODataComponent erpComponent) {
    static Connectors create(Endpoints endpoints, RequestCounter counter) {
        return new Connectors(
                new ODataComponent(config("crm", Dialect.DATAVERSE, endpoints.crm()), counter),
                new ODataComponent(config("erp", Dialect.FNO, endpoints.erp()), counter));
    }

    /** Components for a dry run ({@code plan}): they read as ever and write nothing. */
    static Connectors planning(Endpoints endpoints, RequestCounter counter) {
        return new Connectors(
                ODataComponent.planning(config("crm", Dialect.DATAVERSE, endpoints.crm()), counter),
                ODataComponent.planning(config("erp", Dialect.FNO, endpoints.erp()), counter));
    }

    /** Both services' $metadata, by the system names mapping files use. */
    Map<String, FieldCatalog> catalogs() {
        try {
            return Map.of("crm", crmComponent.client().catalog(), "erp", erpComponent.client().catalog());
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot read the services' $metadata to check the mappings: "
                    + e.getMessage(), e);
        }
    }

    private static ServiceConfig config(String system, Dialect dialect, ServiceSettings s) {
        return ServiceConfig.of(system, dialect, s.url(), s.tokenUrl(), s.clientId(), s.clientSecret());
    }
}
