package org.p2csync.sync;

import java.util.List;

/**
 * A single-valued navigation property of an entity set: what a {@code name@odata.bind} reference writes.
 *
 * @param name e.g. parentcustomerid_account, transactioncurrencyid, ownerid
 * @param targets the entity sets a reference may point to, e.g. [accounts]; [systemusers, teams] for ownerid; empty
 *     when the catalog knows the target type but no entity set of it
 * @param targetType the type or table it leads to, for messages, e.g. Microsoft.Dynamics.CRM.account or owner
 * @param access whether a client may set it (Dataverse: the access of the lookup column behind it)
 */
public record NavigationInfo(String name, List<String> targets, String targetType, Access access) {
    public NavigationInfo {
        targets = List.copyOf(targets);
    }
}
