package org.p2csync.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One served entity set: everything the generic handlers need. Built by {@link SandboxModel} from the real schema
 * (names, key, types, nullability, enums, choices, lengths, read-only columns, navigation properties) plus the few
 * things the schema does not say (line -> header links, change tracking, the company column, stamps, numbers the
 * service assigns, references it checks, computed totals). A Dataverse set's alternate keys and created columns are
 * the org's customizations ({@link DataverseOrg}), applied by {@link #customized}.
 */
final class EntitySetDef {
    /**
     * A line's header: a line needs it, and writing a line re-stamps the header's modified timestamp where it has
     * one, as Dataverse recalculates totals, so a cursor on headers sees line changes.
     *
     * @param columns line column -> header column, together identifying the header row
     */
    record ParentLink(String set, Map<String, String> columns) {
        ParentLink {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /**
     * A Dataverse single-valued navigation property, written as {@code <name>@odata.bind}.
     *
     * @param lookupProperty the {@code _x_value} property it sets
     * @param targetSets the served entity sets it may point to (empty: its target table is not served)
     * @param targetType the entity type $metadata declares for it, or null when not served
     * @param writable false when the lookup column is read-only (owningbusinessunit, createdby, ...)
     */
    record Navigation(String name, String lookupProperty, List<String> targetSets, String targetType,
                      boolean writable) {
        Navigation {
            targetSets = List.copyOf(targetSets);
        }
    }

    /** A field the service fills from a number sequence on create when absent, and never lets change afterwards. */
    record AssignedNumber(String property, String format) {}

    /**
     * Fields that must name an existing row of another set (all parts equal), checked on create and whenever a
     * write sets them.
     */
    record Reference(List<String> fields, String set, List<String> targetFields) {
        Reference {
            fields = List.copyOf(fields);
            targetFields = List.copyOf(targetFields);
        }
    }

    /**
     * A Dataverse document that is read-only, with its lines, once its {@code property} (statecode) has left
     * {@code openValue}: an activated, won or closed quote; a submitted, fulfilled, invoiced or canceled order.
     */
    record Lock(String property, Object openValue) {}

    /**
     * A Dataverse document whose line amounts and totals the service computes from its lines
     * ({@link DocumentTotals}), unless {@code lockProperty} (ispricelocked) is true; quotes have none and are always
     * computed.
     */
    record Pricing(String lockProperty) {}

    private final String name;
    private final String typeName;
    private final List<Property> properties;
    private final Map<String, Property> byName;
    private final List<String> key;
    private final List<List<String>> alternateKeys;
    private final boolean generatedKey;
    private final String companyProperty;
    private final ParentLink parent;
    private final boolean changeTracked;
    private final Map<String, Navigation> navigations;
    private final List<AssignedNumber> assignedNumbers;
    private final List<Reference> references;
    private final Lock lock;
    private final Pricing pricing;

    private EntitySetDef(Builder b) {
        this.name = b.name;
        this.typeName = b.typeName;
        this.properties = List.copyOf(b.properties.values());
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.key = List.copyOf(b.key);
        this.alternateKeys = b.alternateKeys.stream().map(List::copyOf).toList();
        this.generatedKey = b.generatedKey;
        this.companyProperty = b.companyProperty;
        this.parent = b.parent;
        this.changeTracked = b.changeTracked;
        this.navigations = Collections.unmodifiableMap(new LinkedHashMap<>(b.navigations));
        this.assignedNumbers = List.copyOf(b.assignedNumbers);
        this.references = List.copyOf(b.references);
        this.lock = b.lock;
        this.pricing = b.pricing;
        if (key.isEmpty()) {
            throw new IllegalArgumentException("set " + name + " has no key");
        }
        key.forEach(this::declared);
        alternateKeys.forEach(ak -> ak.forEach(this::declared));
        if (companyProperty != null) {
            declared(companyProperty);
        }
        if (parent != null) {
            parent.columns().keySet().forEach(this::declared);
        }
        navigations.values().forEach(n -> declared(n.lookupProperty()));
        assignedNumbers.forEach(a -> declared(a.property()));
        references.forEach(r -> r.fields().forEach(this::declared));
        if (lock != null) {
            declared(lock.property());
        }
        if (pricing != null && pricing.lockProperty() != null) {
            declared(pricing.lockProperty());
        }
    }

    static Builder builder(String name, String typeName) {
        return new Builder(name, typeName);
    }

    String name() {
        return name;
    }

    /** The entity type name in $metadata, e.g. account or CustomerV3. */
    String typeName() {
        return typeName;
    }

    List<Property> properties() {
        return properties;
    }

    /** The key properties in key order (composite on the ERP). */
    List<String> key() {
        return key;
    }

    /** Other unique keys that address a row: the Active alternate keys of a Dataverse table (a fresh org has none). */
    List<List<String>> alternateKeys() {
        return alternateKeys;
    }

    /** True when a single Guid key is generated by the service on create. */
    boolean generatedKey() {
        return generatedKey;
    }

    /** The ERP company column that reads filter on without cross-company=true, or null. */
    String companyProperty() {
        return companyProperty;
    }

    ParentLink parent() {
        return parent;
    }

    /** Whether the set serves Dataverse change tracking (delta links) and keeps tombstones of deletes. */
    boolean changeTracked() {
        return changeTracked;
    }

    Map<String, Navigation> navigations() {
        return navigations;
    }

    List<AssignedNumber> assignedNumbers() {
        return assignedNumbers;
    }

    List<Reference> references() {
        return references;
    }

    /** The document's read-only rule, or null. */
    Lock lock() {
        return lock;
    }

    /** How the service computes the document's amounts, or null when the client's values stand. */
    Pricing pricing() {
        return pricing;
    }

    /**
     * This set as an org's customizations change it: without {@code hidden} (columns not created yet), with
     * {@code added} (created columns, typed as declared, replacing a declared property of the same name) and with
     * exactly {@code alternateKeys}.
     */
    EntitySetDef customized(Collection<String> hidden, Collection<Property> added, List<List<String>> alternateKeys) {
        Builder b = new Builder(name, typeName);
        properties.stream().filter(p -> !hidden.contains(p.name())).forEach(p -> b.properties.put(p.name(), p));
        added.forEach(p -> b.properties.put(p.name(), p));
        b.key.addAll(key);
        alternateKeys.forEach(ak -> b.alternateKeys.add(List.copyOf(ak)));
        b.generatedKey = generatedKey;
        b.companyProperty = companyProperty;
        b.parent = parent;
        b.changeTracked = changeTracked;
        b.navigations.putAll(navigations);
        b.assignedNumbers.addAll(assignedNumbers);
        b.references.addAll(references);
        b.lock = lock;
        b.pricing = pricing;
        return b.build();
    }

    /** The property stamped on every write (modifiedon, LastEditDateTime), if the set has one. */
    Optional<Property> modifiedProperty() {
        return properties.stream().filter(p -> p.stamp() == Property.Stamp.MODIFIED).findFirst();
    }

    Optional<Property> property(String propertyName) {
        return Optional.ofNullable(byName.get(propertyName));
    }

    /** The property, or a 400 naming it and the type, as the real services answer unknown names in queries. */
    Property require(String propertyName) {
        Property p = byName.get(propertyName);
        if (p == null) {
            throw ODataError.unknownProperty("Could not find a property named '" + propertyName + "' on type '"
                    + typeName + "' of set '" + name + "'");
        }
        return p;
    }

    List<Property> keyProperties() {
        return key.stream().map(this::require).toList();
    }

    /** Fields that identify a row without carrying business data: keys, alternate keys, server timestamps. */
    boolean isIdentifying(String propertyName) {
        return key.contains(propertyName)
                || alternateKeys.stream().anyMatch(ak -> ak.contains(propertyName))
                || property(propertyName).map(Property::serverManaged).orElse(false);
    }

    private void declared(String property) {
        if (!byName.containsKey(property)) {
            throw new IllegalArgumentException("set " + name + " declares unknown property " + property);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects one set's declaration; {@link #build} checks every name it refers to. */
    static final class Builder {
        private final String name;
        private final String typeName;
        private final Map<String, Property> properties = new LinkedHashMap<>();
        private final List<String> key = new ArrayList<>();
        private final List<List<String>> alternateKeys = new ArrayList<>();
        private boolean generatedKey;
        private String companyProperty;
        private ParentLink parent;
        private boolean changeTracked;
        private final Map<String, Navigation> navigations = new LinkedHashMap<>();
        private final List<AssignedNumber> assignedNumbers = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private Lock lock;
        private Pricing pricing;

        private Builder(String name, String typeName) {
            this.name = name;
            this.typeName = typeName;
        }

        Builder property(Property p) {
            if (properties.put(p.name(), p) != null) {
                throw new IllegalArgumentException("set " + name + ": duplicate property " + p.name());
            }
            return this;
        }

        /** Changes a declared property, e.g. to mark it stamped or give it a length. */
        Builder change(String property, UnaryOperator<Property> change) {
            Property p = properties.get(property);
            if (p == null) {
                throw new IllegalArgumentException("set " + name + " has no property " + property + " to change");
            }
            properties.put(property, change.apply(p));
            return this;
        }

        boolean has(String property) {
            return properties.containsKey(property);
        }

        Builder key(List<String> names) {
            key.clear();
            key.addAll(names);
            return this;
        }

        Builder generatedKey() {
            this.generatedKey = true;
            return this;
        }

        Builder company(String property) {
            this.companyProperty = property;
            return this;
        }

        Builder parent(String set, Map<String, String> columns) {
            this.parent = new ParentLink(set, columns);
            return this;
        }

        Builder changeTracked() {
            this.changeTracked = true;
            return this;
        }

        Builder navigation(Navigation n) {
            navigations.put(n.name(), n);
            return this;
        }

        Builder assignedNumber(String property, String format) {
            assignedNumbers.add(new AssignedNumber(property, format));
            return this;
        }

        Builder reference(List<String> fields, String set, List<String> targetFields) {
            references.add(new Reference(fields, set, targetFields));
            return this;
        }

        Builder lockedUnless(String property, Object openValue) {
            this.lock = new Lock(property, openValue);
            return this;
        }

        /** Line amounts and totals computed from the lines unless {@code lockProperty} is true (null: always). */
        Builder priced(String lockProperty) {
            this.pricing = new Pricing(lockProperty);
            return this;
        }

        /** statecode and statuscode change only through the table's messages (FulfillSalesOrder, ...), never PATCH. */
        Builder stateByMessages() {
            change("statecode", p -> p.withAccess(Property.Access.STATE_MESSAGES));
            return change("statuscode", p -> p.withAccess(Property.Access.STATE_MESSAGES));
        }

        EntitySetDef build() {
            return new EntitySetDef(this);
        }
    }
}
