/**
 * The sandbox: a simulated Dynamics 365 Sales (Dataverse Web API) and Finance &amp; Operations (OData data entities)
 * on one local HTTP port, so the connectors, the demo and the tests run the real HTTP path with nothing installed.
 *
 * <p>Start it with {@link org.p2csync.sandbox.Sandbox#start(SandboxOptions)}; point the CRM connector at
 * {@code crmUrl()}, the ERP connector at {@code erpUrl()} and both token clients at {@code tokenUrl()} with
 * {@link org.p2csync.sandbox.SandboxIds#CLIENT_ID} / {@link org.p2csync.sandbox.SandboxIds#CLIENT_SECRET}.
 *
 * <p>How it is built: every entity set is derived from the real schemas the jar ships ({@code org.p2csync.schema}):
 * {@code DataverseSets} and {@code FnoSets} take names, keys, types, enums, choices, lengths, read-only columns and
 * navigation properties from it; {@code SandboxModel} declares per set only what the schema does not say (served
 * sets, line links, change tracking, document locks and computed totals, F&amp;O type names and assumed lengths,
 * stamps, assigned numbers, references). The CRM is a fresh Sales org: its alternate keys and p2c_ columns are the
 * org's customizations ({@code DataverseOrg}, kept in {@code OrgMetadata}), made through the metadata Web API it
 * serves ({@code MetadataApi}); the served model is the declared one with them applied. Tables, $metadata, query checks, key parsing and body validation ({@code RequestBody}) all derive
 * from the declarations, so a new set is a declaration plus seed rows, not handler code. Each simulated system has
 * its own H2 file database ({@code <dataDir>/crm}, {@code <dataDir>/erp}); requests to one system run one at a time.
 *
 * <p>Beyond declarations, a few behaviours of the real services live in code: binds ({@code RequestBody}), line ->
 * header re-stamping ({@code EntityWriter}), documents' amounts and state messages ({@code DocumentTotals},
 * {@code DocumentMessages}), keys that cannot travel in a URL ({@code UrlKeyCharacters}), change tracking by row
 * version ({@code ChangeTracking}, {@code DeltaToken}, {@code Tombstones}, {@code ModificationClock}), Dataverse ownership and F&amp;O's assigned numbers and references ({@code WriteRules},
 * {@code NumberSequences}), F&amp;O's PATCH-updates-only and create defaults ({@code ServiceKind}, {@code FnoSets}),
 * and bringing an older data folder up to date ({@code EntityTable}, {@code DataFolderUpgrade}, and for the org's
 * keys and columns {@code DataverseOrg}). {@code SandboxOptions.withSetUp()} starts the org as after p2c-sync's
 * setup ({@code OrgSetUp}, through the metadata API). The README's sandbox
 * section lists the sets, refusals, seeds and what is an assumption of the sandbox.
 */
package org.p2csync.sandbox;
