package org.p2csync.sandbox;

import java.util.Arrays;
import java.util.Optional;
import org.p2csync.schema.ColumnType;

/**
 * The column (attribute) types of the Dataverse metadata Web API the sandbox knows: the derived type of
 * AttributeMetadata ({@code Microsoft.Dynamics.CRM.StringAttributeMetadata}), its {@code AttributeType} and
 * {@code AttributeTypeName} values, the kind of column it makes, whether {@code POST .../Attributes} may create it
 * (lookups come from relationships, the others are system columns) and whether it may be part of an alternate key
 * ("Define alternate keys": Decimal, Integer, String, DateTime, Lookup, Picklist).
 */
enum AttributeKind {
    STRING("StringAttributeMetadata", "String", ColumnType.STRING, true, true),
    MEMO("MemoAttributeMetadata", "Memo", ColumnType.STRING, true, false),
    BOOLEAN("BooleanAttributeMetadata", "Boolean", ColumnType.BOOLEAN, true, false),
    PICKLIST("PicklistAttributeMetadata", "Picklist", ColumnType.CHOICE, true, true),
    DATETIME("DateTimeAttributeMetadata", "DateTime", ColumnType.DATETIME, true, true),
    INTEGER("IntegerAttributeMetadata", "Integer", ColumnType.INTEGER, true, true),
    BIGINT("BigIntAttributeMetadata", "BigInt", ColumnType.BIGINT, true, false),
    DECIMAL("DecimalAttributeMetadata", "Decimal", ColumnType.DECIMAL, true, true),
    MONEY("MoneyAttributeMetadata", "Money", ColumnType.MONEY, true, false),
    DOUBLE("DoubleAttributeMetadata", "Double", ColumnType.DOUBLE, true, false),
    LOOKUP("LookupAttributeMetadata", "Lookup", ColumnType.LOOKUP, false, true),
    UNIQUEIDENTIFIER("UniqueIdentifierAttributeMetadata", "Uniqueidentifier", ColumnType.UNIQUEIDENTIFIER, false, false),
    STATE("StateAttributeMetadata", "State", ColumnType.STATE, false, false),
    STATUS("StatusAttributeMetadata", "Status", ColumnType.STATUS, false, false);

    static final String NAMESPACE = "Microsoft.Dynamics.CRM.";

    private final String metadataType;
    private final String attributeType;
    private final ColumnType columnType;
    private final boolean creatable;
    private final boolean keyable;

    AttributeKind(String metadataType, String attributeType, ColumnType columnType, boolean creatable, boolean keyable) {
        this.metadataType = metadataType;
        this.attributeType = attributeType;
        this.columnType = columnType;
        this.creatable = creatable;
        this.keyable = keyable;
    }

    /** e.g. StringAttributeMetadata. */
    String metadataType() {
        return metadataType;
    }

    /** The AttributeType value, e.g. String. */
    String attributeType() {
        return attributeType;
    }

    /** The AttributeTypeName value, e.g. StringType. */
    String attributeTypeName() {
        return attributeType + "Type";
    }

    ColumnType columnType() {
        return columnType;
    }

    boolean creatable() {
        return creatable;
    }

    boolean keyable() {
        return keyable;
    }

    /** The kind of a derived type named in {@code @odata.type} (with or without {@code #} and the namespace). */
    static Optional<AttributeKind> ofMetadataType(String odataType) {
        String name = odataType.startsWith("#") ? odataType.substring(1) : odataType;
        String bare = name.startsWith(NAMESPACE) ? name.substring(NAMESPACE.length()) : name;
        return Arrays.stream(values()).filter(k -> k.metadataType.equals(bare)).findFirst();
    }

    /** How the metadata API describes a column of the real schema. */
    static AttributeKind of(ColumnType type) {
        return switch (type) {
            case PRIMARY_KEY, UNIQUEIDENTIFIER -> UNIQUEIDENTIFIER;
            case STRING -> STRING;
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case DECIMAL -> DECIMAL;
            case MONEY -> MONEY;
            case DOUBLE -> DOUBLE;
            case BOOLEAN -> BOOLEAN;
            case DATETIME -> DATETIME;
            case CHOICE -> PICKLIST;
            case STATE -> STATE;
            case STATUS -> STATUS;
            case LOOKUP -> LOOKUP;
        };
    }

    /** The EDM type the Web API serves such a column's values as. */
    EdmType edmType() {
        return switch (this) {
            case LOOKUP, UNIQUEIDENTIFIER -> EdmType.GUID;
            default -> EdmType.primitive(columnType.edmType());
        };
    }
}
