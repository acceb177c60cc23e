package org.p2csync.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of Dataverse columns p2c-sync meets, with the EDM type the Web API serves them as. Lookups are served
 * as {@code _<column>_value} Guid properties and written through their single-valued navigation property.
 */
public enum ColumnType {
    /** The table's own id. */
    PRIMARY_KEY("Edm.Guid"),
    UNIQUEIDENTIFIER("Edm.Guid"),
    STRING("Edm.String"),
    INTEGER("Edm.Int32"),
    BIGINT("Edm.Int64"),
    DECIMAL("Edm.Decimal"),
    MONEY("Edm.Decimal"),
    DOUBLE("Edm.Double"),
    BOOLEAN("Edm.Boolean"),
    DATETIME("Edm.DateTimeOffset"),
    /** A choice (option set): an Int32 with the table's option values. */
    CHOICE("Edm.Int32"),
    /** statecode. */
    STATE("Edm.Int32"),
    /** statuscode, whose values each belong to one state. */
    STATUS("Edm.Int32"),
    LOOKUP("Edm.Guid");

    /** Common Data Model data types (real-schemas/dataverse/columns, column dataType) -> kind. */
    private static final Map<String, ColumnType> CDM = Map.ofEntries(
            Map.entry("entityid", UNIQUEIDENTIFIER), Map.entry("guid", UNIQUEIDENTIFIER),
            Map.entry("string", STRING), Map.entry("name", STRING), Map.entry("firstname", STRING),
            Map.entry("middlename", STRING), Map.entry("lastname", STRING), Map.entry("fullname", STRING),
            Map.entry("email", STRING), Map.entry("phone", STRING), Map.entry("url", STRING),
            Map.entry("addressline", STRING), Map.entry("city", STRING), Map.entry("country", STRING),
            Map.entry("county", STRING), Map.entry("postalcode", STRING), Map.entry("stateorprovince", STRING),
            Map.entry("tickersymbol", STRING), Map.entry("governmentid", STRING), Map.entry("language", INTEGER),
            Map.entry("integer", INTEGER), Map.entry("timezone", INTEGER), Map.entry("biginteger", BIGINT),
            Map.entry("decimal", DECIMAL), Map.entry("currency", MONEY), Map.entry("basecurrency", MONEY),
            Map.entry("double", DOUBLE), Map.entry("latitude", DOUBLE), Map.entry("longitude", DOUBLE),
            Map.entry("boolean", BOOLEAN), Map.entry("datetime", DATETIME), Map.entry("date", DATETIME),
            Map.entry("listlookup", CHOICE), Map.entry("listlookupcorrelated", STATUS), Map.entry("lookup", LOOKUP));

    /** The metadata Web API's attribute type names (as p2c-columns.yaml uses them) -> kind. */
    private static final Map<String, ColumnType> ATTRIBUTE_TYPES = Map.of(
            "string", STRING, "boolean", BOOLEAN, "picklist", CHOICE, "datetime", DATETIME, "decimal", DECIMAL,
            "money", MONEY, "integer", INTEGER, "bigint", BIGINT, "double", DOUBLE);

    private final String edmType;

    ColumnType(String edmType) {
        this.edmType = edmType;
    }

    public String edmType() {
        return edmType;
    }

    static Optional<ColumnType> ofCdm(String dataType) {
        return Optional.ofNullable(CDM.get(dataType.toLowerCase(Locale.ROOT)));
    }

    static Optional<ColumnType> ofAttributeType(String attributeType) {
        return Optional.ofNullable(ATTRIBUTE_TYPES.get(attributeType.toLowerCase(Locale.ROOT)));
    }

    /** The metadata Web API's attribute type for this kind (what setup creates), e.g. Picklist. */
    public String attributeType() {
        return switch (this) {
            case STRING -> "String";
            case BOOLEAN -> "Boolean";
            case CHOICE -> "Picklist";
            case DATETIME -> "DateTime";
            case DECIMAL -> "Decimal";
            case MONEY -> "Money";
            case INTEGER -> "Integer";
            case BIGINT -> "BigInt";
            case DOUBLE -> "Double";
            case STATE -> "State";
            case STATUS -> "Status";
            case LOOKUP -> "Lookup";
            case PRIMARY_KEY, UNIQUEIDENTIFIER -> "Uniqueidentifier";
        };
    }
}
