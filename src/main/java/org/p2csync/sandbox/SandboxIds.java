package org.p2csync.sandbox;

/** Fixed identifiers of the sandbox that mapping files and demos rely on; they never change between runs. */
public final class SandboxIds {
    public static final String CLIENT_ID = "p2c-demo";
    public static final String CLIENT_SECRET = "p2c-demo-secret";
    public static final String CURRENCY_USD = "5c5a9f3e-0000-4000-8000-000000000840";
    public static final String CURRENCY_EUR = "5c5a9f3e-0000-4000-8000-000000000978";
    /** The ERP company that reads return unless the client asks for cross-company=true. */
    public static final String DEFAULT_COMPANY = "usmf";
    /** The second ERP legal entity, trading in EUR. */
    public static final String COMPANY_DEMF = "demf";
    /** CRM business units standing for the ERP companies; their names say which ("Contoso USA (usmf)"). */
    public static final String BU_USMF = "b0000000-0000-4000-8000-00000000a001";
    public static final String BU_DEMF = "b0000000-0000-4000-8000-00000000a002";
    /** The default team of each business unit (isdefault, named after the unit): it owns the unit's records. */
    public static final String TEAM_USMF = "d0000000-0000-4000-8000-00000000a001";
    public static final String TEAM_DEMF = "d0000000-0000-4000-8000-00000000a002";
    /** The one unit group (uomschedules), "Default Unit", holding every unit (uoms Each, Box, kg, Hour, Dozen). */
    public static final String UNIT_GROUP = "e0000000-0000-4000-8000-000000000001";
    public static final String UNIT_GROUP_NAME = "Default Unit";
    /** CRM price lists, one per currency; {@code name} is their alternate key. */
    public static final String PRICE_LIST_USD = "c0000000-0000-4000-8000-000000000840";
    public static final String PRICE_LIST_EUR = "c0000000-0000-4000-8000-000000000978";
    public static final String PRICE_LIST_USD_NAME = "CRM Service USA (sample)";
    public static final String PRICE_LIST_EUR_NAME = "CRM Service Europe (sample)";

    private SandboxIds() {}
}
