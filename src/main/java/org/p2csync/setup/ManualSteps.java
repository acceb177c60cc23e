package org.p2csync.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.mapping.FieldUse;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.Mappings;
import org.p2csync.mapping.TargetSpec;

/**
 * What an administrator must do by hand because no API p2c-sync uses can check it, as far as the mappings tell:
 * number sequences that must take the CRM's numbers (every ERP record the mappings create by a number of their own),
 * sales origin codes and the sales totals job when orders are synced, then the grants and ids every installation
 * needs. README, "What an administrator grants", has the steps and Microsoft's pages.
 */
final class ManualSteps {
    private static final String ERP = "erp";
    private static final String COMPANY = "dataAreaId";

    private ManualSteps() {}

    static List<String> of(Mappings mappings) {
        List<String> steps = new ArrayList<>();
        Map<String, Set<String>> numbered = new LinkedHashMap<>();
        Set<String> erpFields = new LinkedHashSet<>();
        for (String area : mappings.areas()) {
            Mapping mapping = mappings.mapping(area);
            TargetSpec target = mapping.target();
            if (target.system().equals(ERP) && target.write() == TargetSpec.Write.UPSERT) {
                for (String field : target.key()) {
                    if (!field.equals(COMPANY)) {
                        numbered.computeIfAbsent(target.entity() + "." + field, k -> new LinkedHashSet<>()).add(area);
                    }
                }
            }
            for (FieldUse use : mapping.fieldUses()) {
                if (use.system().equals(ERP)) {
                    erpFields.add(use.entitySet() + "." + use.field());
                }
            }
        }
        numbered.forEach((field, areas) -> steps.add("ERP: the number sequence behind " + field + " must allow manual"
                + " numbers, in every company synced: the numbers come from the CRM (" + String.join(", ", areas)
                + "); keep the ERP's own numbers apart (Organization administration > Number sequences)"));
        if (erpFields.stream().anyMatch(f -> f.endsWith(".SalesOrderOriginCode"))) {
            steps.add("ERP: the sales origin codes the mappings name in SalesOrderOriginCode (CRM and ERP in the shipped"
                    + " ones) must exist in every company (Sales and marketing > Setup > Sales orders > Sales origin)");
        }
        if (erpFields.stream().anyMatch(f -> f.endsWith(".OrderTotalAmount"))) {
            steps.add("ERP: run the batch job Sales and marketing > Periodic tasks > Calculate sales totals: order totals"
                    + " are read from CDSSalesOrderHeaders once F&O has calculated them");
        }
        steps.add("ERP: register p2c-sync's Microsoft Entra application (its client id) in System administration > Setup"
                + " > Microsoft Entra applications, mapped to a user whose roles may read and write the entities above");
        steps.add("CRM: p2c-sync's application user needs a security role that may customize the org for setup (e.g."
                + " System Customizer) and one that may read and write the synced tables for sync");
        steps.add("CRM: each business unit's default team owns the records the ERP creates (value map ownerTeam): give"
                + " it a security role too");
        steps.add("CRM: the ids in mappings/shared/value-maps.yaml (currencyId, priceList, ownerTeam,"
                + " companyOfBusinessUnit, unitId, unitGroup) must be your org's (the shipped file holds the sandbox's)");
        return List.copyOf(steps);
    }
}
