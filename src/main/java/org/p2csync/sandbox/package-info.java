/**
 * The sandbox: a simulated Dynamics 365 Sales (Dataverse Web API) and Finance &amp; Operations (OData data entities)
 * on one local HTTP port, so the connectors, the demo and the tests run the real HTTP path with nothing installed.
 *
 * <p>Start it with {@link org.p2csync.sandbox.Sandbox#start(SandboxOptions)}; point the CRM connector at
 * {@code crmUrl()}, the ERP connector at {@code erpUrl()} and both token clients at {@code tokenUrl()} with
 * {@link org.p2csync.sandbox.SandboxIds#CLIENT_ID} / {@link org.p2csync.sandbox.SandboxIds#CLIENT_SECRET}.
 *
 * <p>How it is built: every entity set is one declaration ({@code SandboxModel}: name, key, alternate keys, typed
 * properties with MaxLength). Tables, $metadata, $filter/$orderby/$select checks, key parsing and body validation all
 * derive from it, so a new area needs a declaration and seed rows, not handler code. Each simulated system has its own
 * H2 file database ({@code <dataDir>/crm}, {@code <dataDir>/erp}); requests to one system run one at a time.
 */
package org.p2csync.sandbox;
