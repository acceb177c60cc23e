package org.p2csync.sandbox;

import static org.p2csync.sandbox.CrmSalesSeeder.row;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CRM's reference data, with the fixed ids of {@link SandboxIds}: currencies (USD, EUR), the business units of
 * the two ERP companies and their default teams, the unit group "Default Unit" with the units Each (its base), Box,
 * kg, Hour and Dozen, and a price list per currency. Each set is seeded when it is new, so an older data folder gains
 * the sets added since.
 */
final class CrmReferenceSeeder {
    private static final OffsetDateTime EPOCH = AccountSeeder.EPOCH;

    private CrmReferenceSeeder() {}

    static void seed(SimulatedService crm) throws SQLException {
        crm.inTransaction(() -> {
            insert(crm, "transactioncurrencies", List.of(
                    currency(SandboxIds.CURRENCY_USD, "USD", "US Dollar", "$", BigDecimal.ONE),
                    currency(SandboxIds.CURRENCY_EUR, "EUR", "Euro", "€", new BigDecimal("0.92"))));
            insert(crm, "businessunits", List.of(
                    unit(SandboxIds.BU_USMF, "Contoso USA (usmf)", SandboxIds.CURRENCY_USD),
                    unit(SandboxIds.BU_DEMF, "Contoso Europe (demf)", SandboxIds.CURRENCY_EUR)));
            insert(crm, "teams", List.of(
                    team(SandboxIds.TEAM_USMF, "Contoso USA (usmf)", SandboxIds.BU_USMF),
                    team(SandboxIds.TEAM_DEMF, "Contoso Europe (demf)", SandboxIds.BU_DEMF)));
            insert(crm, "uomschedules", List.of(row("uomscheduleid", SandboxIds.UNIT_GROUP,
                    "name", SandboxIds.UNIT_GROUP_NAME, "baseuomname", SeedCatalog.UNITS.get(0)[1],
                    "statecode", 0, "statuscode", 1, "createdon", EPOCH, "modifiedon", EPOCH)));
            String base = SeedCatalog.uomId(SeedCatalog.UNITS.get(0)[1]);
            List<Map<String, Object>> uoms = new ArrayList<>();
            for (String[] unit : SeedCatalog.UNITS) {
                String id = SeedCatalog.uomId(unit[1]);
                uoms.add(row("uomid", id, "name", unit[1], "quantity", BigDecimal.ONE,
                        "_uomscheduleid_value", SandboxIds.UNIT_GROUP, "_baseuom_value", base,
                        "isschedulebaseuom", id.equals(base), "createdon", EPOCH, "modifiedon", EPOCH));
            }
            insert(crm, "uoms", uoms);
            insert(crm, "pricelevels", List.of(
                    priceList(SandboxIds.PRICE_LIST_USD, SandboxIds.PRICE_LIST_USD_NAME, SandboxIds.CURRENCY_USD),
                    priceList(SandboxIds.PRICE_LIST_EUR, SandboxIds.PRICE_LIST_EUR_NAME, SandboxIds.CURRENCY_EUR)));
            return null;
        });
    }

    private static void insert(SimulatedService crm, String set, List<Map<String, Object>> rows) throws SQLException {
        if (crm.isNew(set)) {
            crm.table(set).insertAll(crm.connection(), rows);
        }
    }

    private static Map<String, Object> currency(String id, String iso, String name, String symbol, BigDecimal rate) {
        return row("transactioncurrencyid", id, "isocurrencycode", iso, "currencyname", name, "currencysymbol", symbol,
                "currencyprecision", 2, "exchangerate", rate, "statecode", 0, "statuscode", 1,
                "createdon", EPOCH, "modifiedon", EPOCH);
    }

    private static Map<String, Object> unit(String id, String name, String currency) {
        return row("businessunitid", id, "name", name, "_transactioncurrencyid_value", currency, "isdisabled", false,
                "createdon", EPOCH, "modifiedon", EPOCH);
    }

    private static Map<String, Object> team(String id, String unitName, String businessUnit) {
        // every business unit's default team is named after the unit; teamtype 0 = Owner
        return row("teamid", id, "name", unitName, "_businessunitid_value", businessUnit, "isdefault", true,
                "teamtype", 0, "createdon", EPOCH, "modifiedon", EPOCH);
    }

    private static Map<String, Object> priceList(String id, String name, String currency) {
        return row("pricelevelid", id, "name", name, "_transactioncurrencyid_value", currency, "statecode", 0,
                "statuscode", 100001, "createdon", EPOCH, "modifiedon", EPOCH);
    }
}
