package org.p2csync.sandbox;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** What the sales seeders need of a seeded CRM account: who it is, its company and its addresses. */
record SeedAccount(String id, String number, boolean customer, String currencyId, String businessUnitId,
                   Map<String, Object> row) {
    /** What the seeders read of an account, besides its addresses. */
    private static final java.util.Set<String> COLUMNS = java.util.Set.of("accountid", "accountnumber",
            "customertypecode", "_transactioncurrencyid_value", WriteRules.OWNING_BUSINESS_UNIT);

    String company() {
        return AccountSeeder.companyOf(businessUnitId);
    }

    Object field(String name) {
        return row.get(name);
    }

    /** The seeded accounts in key order (deterministic, since their ids come from the seed). */
    static List<SeedAccount> load(SimulatedService crm) throws SQLException {
        EntitySetDef accounts = crm.storageModel().requireEntitySet("accounts");
        List<Property> columns = accounts.properties().stream().filter(p -> COLUMNS.contains(p.name())
                || p.name().startsWith("address1_") || p.name().startsWith("address2_")).toList();
        return crm.table("accounts").select(crm.connection(), columns, SqlFragment.TRUE, "\"accountid\"",
                Integer.MAX_VALUE, 0).stream().map(SeedAccount::of).toList();
    }

    /** An account row as read from the accounts table. */
    static SeedAccount of(Map<String, Object> r) {
        return new SeedAccount((String) r.get("accountid"), (String) r.get("accountnumber"),
                Integer.valueOf(3).equals(r.get("customertypecode")), (String) r.get("_transactioncurrencyid_value"),
                (String) r.get(WriteRules.OWNING_BUSINESS_UNIT), r);
    }
}
