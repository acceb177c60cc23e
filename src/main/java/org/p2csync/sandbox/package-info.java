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
 *
 * <p>The set and field names mapping authors use (companies and business units, lookups and binds, alternate keys of
 * lines, origin and status fields, change tracking and its 410 on expired tokens, seed numbering) are listed in the
 * README's sandbox section. Beyond declarations, three capabilities live in code: binds by alternate key
 * ({@code EntityWriter}), line -> header re-stamping ({@code EntitySetDef.ParentLink}) and change tracking
 * ({@code ChangeTracking}, {@code DeltaToken}, {@code Tombstones}).
 */
package org.p2csync.sandbox;
