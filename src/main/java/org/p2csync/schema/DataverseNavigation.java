package org.p2csync.schema;

/**
 * A single-valued navigation property of a Dataverse table: how a lookup is written, e.g.
 * {@code "parentcustomerid_account@odata.bind": "/accounts(<id>)"}.
 *
 * @param name the navigation property, e.g. parentcustomerid_account, transactioncurrencyid, ownerid
 * @param referencingAttribute the lookup column it sets, e.g. parentcustomerid
 * @param targetTable the table it points to (logical name), e.g. account; {@code owner} for ownerid (a team or a user)
 */
public record DataverseNavigation(String name, String referencingAttribute, String targetTable) {}
