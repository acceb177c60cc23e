/**
 * The Dataverse and F&amp;O connectors: an OData client per system and the Camel component that turns it into
 * endpoints.
 *
 * <p>Wiring, once per system:
 *
 * <pre>{@code
 * RequestCounter counter = new RequestCounter();
 * context.addComponent("dataverse", new ODataComponent(
 *         ServiceConfig.of("crm", Dialect.DATAVERSE, crmRoot, tokenUrl, clientId, secret), counter));
 * context.addComponent("fno", new ODataComponent(
 *         ServiceConfig.of("erp", Dialect.FNO, erpRoot, tokenUrl, clientId, secret), counter));
 * // and, for source endpoints, the engine's AreaReader in the registry (org.p2csync.flow.AreaRuns)
 * }</pre>
 *
 * <p>Routes then read {@code from: dataverse:accounts?area=accounts&scheduler=quartz&scheduler.cron=...} (one poll
 * is one run; each page arrives as an {@link org.p2csync.sync.Batch}) and {@code to: fno:CustomersV3?area=accounts}
 * (upserts the READY items, marks each WRITTEN or FAILED).
 */
package org.p2csync.odata;
