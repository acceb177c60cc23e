/**
 * What the CRM must have before p2c-sync runs, and the {@code setup} that brings it there: the p2c_ columns the
 * mappings use ({@code p2c-columns.yaml}) and the alternate keys they address records by, read and created through the
 * Dataverse metadata Web API ({@link org.p2csync.odata.MetadataClient}), with each new key's index awaited until it
 * is Active. {@link SetupPlan} is the one check {@code setup --check}, {@code sync} and the demo share; {@link
 * SetupRun} creates what the plan lacks. Also what p2c-sync cannot check and an administrator must do by hand
 * ({@link ManualSteps}). Knows no HTTP (the odata package does) and no settings files (the app package does).
 */
package org.p2csync.setup;
