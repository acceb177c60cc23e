package org.p2csync.sandbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What a data folder made by an older sandbox needs beyond its tables' shape ({@link EntityTable} and
 * {@link SimulatedService} drop, add and re-key those): its rows get what the service now maintains. CRM records
 * that name a business unit but no owner are owned by the unit's default team; ERP records without a number the
 * service assigns (customers' party numbers) get one.
 */
final class DataFolderUpgrade {
    private DataFolderUpgrade() {}

    static void run(SimulatedService crm, SimulatedService erp) throws SQLException {
        crm.inTransaction(() -> {
            for (EntitySetDef set : crm.model().entitySets()) {
                if (!crm.isNew(set.name()) && set.navigations().containsKey(WriteRules.OWNER)
                        && set.property(WriteRules.OWNING_BUSINESS_UNIT).isPresent()
                        && set.property(WriteRules.OWNING_TEAM).isPresent()) {
                    ownByDefaultTeam(crm, set);
                }
            }
            return null;
        });
        erp.inTransaction(() -> {
            for (EntitySetDef set : erp.model().entitySets()) {
                if (!erp.isNew(set.name()) && !set.assignedNumbers().isEmpty()) {
                    erp.numbers().backfill(set);
                }
            }
            return null;
        });
    }

    private static void ownByDefaultTeam(SimulatedService crm, EntitySetDef set) throws SQLException {
        String team = "(SELECT \"teamid\" FROM \"teams\" WHERE \"isdefault\" AND \"_businessunitid_value\" = \"" + set.name()
                + "\".\"" + WriteRules.OWNING_BUSINESS_UNIT + "\" LIMIT 1)";
        try (PreparedStatement ps = crm.connection().prepareStatement("UPDATE \"" + set.name() + "\" SET \""
                + WriteRules.OWNER_VALUE + "\" = " + team + ", \"" + WriteRules.OWNING_TEAM + "\" = " + team
                + " WHERE \"" + WriteRules.OWNER_VALUE + "\" IS NULL AND \"" + WriteRules.OWNING_BUSINESS_UNIT
                + "\" IS NOT NULL")) {
            ps.executeUpdate();
        }
    }
}
