package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dataverse's pricing of a document (quote, order, invoice) and its lines, unless the document's pricing is locked
 * ({@code ispricelocked} on orders and invoices; quotes have none): then the amounts stay as the client wrote them.
 * Amounts are rounded to two decimals (the currency precision of both sandbox currencies).
 *
 * <p>Per line: {@code baseamount = priceperunit x quantity}; {@code extendedamount = baseamount -
 * manualdiscountamount - volumediscountamount + tax}. Per document: {@code totallineitemamount} = the lines'
 * (baseamount - manualdiscountamount - volumediscountamount); {@code totallineitemdiscountamount} = their manual
 * discounts; {@code totaltax} = their tax; the document discount is {@code discountamount} plus
 * {@code discountpercentage}% of totallineitemamount; {@code totaldiscountamount} = line discounts + document
 * discount; {@code totalamountlessfreight} = totallineitemamount - document discount; {@code totalamount} =
 * totalamountlessfreight + {@code freightamount} + totaltax. The price per unit stays as written (the sandbox does
 * not look it up in the price list). The formula is the sandbox's reading of Dynamics 365 Sales' pricing, not a
 * published specification.
 */
final class DocumentTotals {
    private static final int SCALE = 2;

    private final SimulatedService service;

    DocumentTotals(SimulatedService service) {
        this.service = service;
    }

    /**
     * A line about to be stored: when its document is priced and not locked, {@code values} gets the line's computed
     * amounts (from {@code line}, the line as it will be).
     */
    void line(EntitySetDef lines, Map<String, Object> line, Map<String, Object> values) throws SQLException {
        Optional<Map<String, Object>> document = unlockedDocument(lines, line);
        if (document.isEmpty()) {
            return;
        }
        BigDecimal base = amount(line, "priceperunit").multiply(amount(line, "quantity"));
        put(lines, values, "baseamount", base);
        put(lines, values, "extendedamount", base.subtract(amount(line, "manualdiscountamount"))
                .subtract(amount(line, "volumediscountamount")).add(amount(line, "tax")));
    }

    /** After a write of a priced document or one of its lines: the document's totals, unless it is locked. */
    void document(EntitySetDef documents, Map<String, Object> key) throws SQLException {
        if (documents.pricing() == null || key.values().stream().anyMatch(java.util.Objects::isNull)) {
            return;
        }
        EntityTable table = service.table(documents.name());
        Optional<Map<String, Object>> found = table.find(service.connection(), key);
        if (found.isEmpty() || locked(documents, found.get())) {
            return;
        }
        Map<String, Object> document = found.get();
        EntitySetDef lines = lineSet(documents);
        BigDecimal items = BigDecimal.ZERO;
        BigDecimal lineDiscounts = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        if (lines != null) {
            Map<String, Object> parent = new LinkedHashMap<>();
            lines.parent().columns().forEach((lineColumn, headerColumn) -> parent.put(lineColumn, document.get(headerColumn)));
            EntityTable lineTable = service.table(lines.name());
            for (Map<String, Object> line : lineTable.select(service.connection(), lineTable.matching(parent), "",
                    Integer.MAX_VALUE, 0)) {
                BigDecimal discount = amount(line, "manualdiscountamount");
                items = items.add(amount(line, "priceperunit").multiply(amount(line, "quantity"))
                        .subtract(discount).subtract(amount(line, "volumediscountamount")));
                lineDiscounts = lineDiscounts.add(discount);
                tax = tax.add(amount(line, "tax"));
            }
        }
        BigDecimal documentDiscount = amount(document, "discountamount").add(amount(document, "discountpercentage")
                .multiply(items).divide(BigDecimal.valueOf(100), SCALE + 4, RoundingMode.HALF_UP));
        BigDecimal lessFreight = items.subtract(documentDiscount);
        Map<String, Object> totals = new LinkedHashMap<>();
        put(documents, totals, "totallineitemamount", items);
        put(documents, totals, "totallineitemdiscountamount", lineDiscounts);
        put(documents, totals, "totaltax", tax);
        put(documents, totals, "totaldiscountamount", lineDiscounts.add(documentDiscount));
        put(documents, totals, "totalamountlessfreight", lessFreight);
        put(documents, totals, "totalamount", lessFreight.add(amount(document, "freightamount")).add(tax));
        table.update(service.connection(), key, totals);
    }

    /** The document of a priced line, when its pricing is not locked. */
    private Optional<Map<String, Object>> unlockedDocument(EntitySetDef lines, Map<String, Object> line)
            throws SQLException {
        if (lines.parent() == null) {
            return Optional.empty();
        }
        EntitySetDef documents = service.model().requireEntitySet(lines.parent().set());
        if (documents.pricing() == null) {
            return Optional.empty();
        }
        Map<String, Object> key = new LinkedHashMap<>();
        lines.parent().columns().forEach((lineColumn, headerColumn) -> key.put(headerColumn, line.get(lineColumn)));
        if (key.containsValue(null)) {
            return Optional.empty();
        }
        return service.table(documents.name()).find(service.connection(), key).filter(d -> !locked(documents, d));
    }

    private static boolean locked(EntitySetDef documents, Map<String, Object> document) {
        String lock = documents.pricing().lockProperty();
        return lock != null && Boolean.TRUE.equals(document.get(lock));
    }

    private EntitySetDef lineSet(EntitySetDef documents) {
        List<EntitySetDef> lines = service.model().entitySets().stream()
                .filter(s -> s.parent() != null && s.parent().set().equals(documents.name())).toList();
        return lines.isEmpty() ? null : lines.get(0);
    }

    private static void put(EntitySetDef set, Map<String, Object> values, String property, BigDecimal amount) {
        if (set.property(property).isPresent()) {
            values.put(property, amount.setScale(SCALE, RoundingMode.HALF_UP));
        }
    }

    private static BigDecimal amount(Map<String, Object> row, String property) {
        Object v = row.get(property);
        return v instanceof BigDecimal d ? d : v instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }
}
