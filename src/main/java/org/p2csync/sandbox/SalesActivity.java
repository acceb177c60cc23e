package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sales side of the simulated users. CRM: maybe create a contact, activate a draft quote, edit an order line.
 * ERP: invoice the oldest confirmed order that came from the CRM (invoice header + lines, order Invoiced/Invoice),
 * confirm the oldest unconfirmed one (DocumentStatus Confirmation, totals calculated), and now and then take an
 * ERP-originated order by phone. Orders "came from the CRM" when their SalesOrderOriginCode is not ERP. Writes go
 * through the services' request handling, so stamps and checks are those API clients see; choices come from the
 * seeded random and the data, so a run is reproducible.
 */
final class SalesActivity {
    private static final Logger LOG = LoggerFactory.getLogger(SalesActivity.class);
    private static final SqlFragment FROM_CRM = SqlFragment.of(
            "(\"SalesOrderOriginCode\" IS NULL OR \"SalesOrderOriginCode\" <> ?)", "ERP");

    private final ServiceEndpoint crm;
    private final ServiceEndpoint erp;
    private final Random random;

    SalesActivity(ServiceEndpoint crm, ServiceEndpoint erp, Random random) {
        this.crm = crm;
        this.erp = erp;
        this.random = random;
    }

    /** The CRM users' sales work of one tick; returns what happened, for the log. */
    String crmTick() throws SQLException {
        List<String> done = new ArrayList<>();
        if (random.nextBoolean()) {
            List<Map<String, Object>> parent = pick(crm, "accounts", SqlFragment.of("\"customertypecode\" = ?", 3),
                    "\"accountid\"");
            int index = (int) count(crm, "contacts", SqlFragment.TRUE);
            Map<String, Object> contact = CrmSalesSeeder.contact(index, null, random);
            contact.remove("_parentcustomerid_value");
            contact.put("msdyn_isactivecustomer", parent.isEmpty());
            if (!parent.isEmpty()) {
                contact.put("parentcustomerid_account@odata.bind", "/accounts(" + parent.get(0).get("accountid") + ")");
                contact.put("_owningbusinessunit_value", parent.get(0).get("_owningbusinessunit_value"));
                contact.put("_transactioncurrencyid_value", parent.get(0).get("_transactioncurrencyid_value"));
            }
            if (send(crm, "POST", "contacts", contact) < 300) {
                done.add("created contact " + contact.get("cdm_contactnumber"));
            }
        }
        if (random.nextBoolean()) {
            List<Map<String, Object>> draft = pick(crm, "quotes", SqlFragment.of("\"statecode\" = ?", 0), "\"quoteid\"");
            if (!draft.isEmpty() && send(crm, "PATCH", "quotes(" + draft.get(0).get("quoteid") + ")",
                    Map.of("statecode", 1, "statuscode", 2)) < 300) {
                done.add("activated quote " + draft.get(0).get("quotenumber"));
            }
        }
        if (random.nextBoolean()) {
            List<Map<String, Object>> line = pick(crm, "salesorderdetails",
                    SqlFragment.of("\"_productid_value\" IS NOT NULL"), "\"salesorderdetailid\"");
            if (!line.isEmpty()) {
                BigDecimal quantity = ((BigDecimal) line.get(0).get("quantity")).add(BigDecimal.ONE).stripTrailingZeros();
                BigDecimal price = (BigDecimal) line.get(0).get("priceperunit");
                BigDecimal discount = (BigDecimal) line.get(0).get("manualdiscountamount");
                BigDecimal extended = quantity.multiply(price).subtract(discount == null ? BigDecimal.ZERO : discount);
                if (send(crm, "PATCH", "salesorderdetails(" + line.get(0).get("salesorderdetailid") + ")",
                        Map.of("quantity", quantity, "extendedamount", extended)) < 300) {
                    done.add("edited a line of order " + line.get(0).get("_salesorderid_value"));
                }
            }
        }
        return done.isEmpty() ? "no sales edits" : String.join(", ", done);
    }

    /** The ERP users' work of one tick: invoice, then confirm, then maybe a new ERP order. */
    String erpTick() throws SQLException {
        List<String> done = new ArrayList<>();
        List<Map<String, Object>> confirmed = oldest("SalesOrderHeadersV2", FROM_CRM.and(
                SqlFragment.of("\"DocumentStatus\" = ? AND \"SalesOrderStatus\" = ?", "Confirmation", "Open")));
        if (!confirmed.isEmpty()) {
            done.add("invoiced " + invoice(confirmed.get(0)));
        }
        List<Map<String, Object>> open = oldest("SalesOrderHeadersV2", FROM_CRM.and(
                SqlFragment.of("(\"DocumentStatus\" IS NULL OR \"DocumentStatus\" = ?)", "None")));
        if (!open.isEmpty()) {
            Map<String, Object> order = open.get(0);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("DocumentStatus", "Confirmation");
            change.put("SalesOrderStatus", "Open");
            ErpSalesSeeder.totals(change, lines("SalesOrderLines", order), "LineAmount", "TotalAmount");
            if (send(erp, "PATCH", "SalesOrderHeadersV2" + key(order, "SalesOrderNumber"), change) < 300) {
                done.add("confirmed " + order.get("SalesOrderNumber"));
            }
        }
        if (random.nextInt(4) == 0) {
            String made = erpOrder();
            if (made != null) {
                done.add("took ERP order " + made);
            }
        }
        return done.isEmpty() ? "no ERP work" : String.join(", ", done);
    }

    private String invoice(Map<String, Object> order) throws SQLException {
        long n = count(erp, "SalesInvoiceHeadersV2", SqlFragment.of("\"InvoiceNumber\" LIKE ?", "CIV-%"));
        String number = String.format("CIV-%06d", n + 1);
        List<Map<String, Object>> invoiceLines = new ArrayList<>();
        Map<String, Object> header = ErpSalesSeeder.invoiceOf(order, lines("SalesOrderLines", order), number,
                invoiceLines, null);
        header.remove("ModifiedDateTime");
        header.put("InvoiceDate", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString());
        String company = (String) order.get("dataAreaId");
        send(erp, "PATCH", "SalesInvoiceHeadersV2" + key(header, "InvoiceNumber"), withoutKeys(header, "InvoiceNumber"));
        for (Map<String, Object> line : invoiceLines) {
            line.remove("ModifiedDateTime");
            send(erp, "PATCH", "SalesInvoiceLines(dataAreaId='" + company + "',InvoiceNumber='" + number
                    + "',LineCreationSequenceNumber=" + line.get("LineCreationSequenceNumber") + ")",
                    withoutKeys(line, "InvoiceNumber", "LineCreationSequenceNumber"));
        }
        send(erp, "PATCH", "SalesOrderHeadersV2" + key(order, "SalesOrderNumber"),
                Map.of("SalesOrderStatus", "Invoiced", "DocumentStatus", "Invoice"));
        return order.get("SalesOrderNumber") + " as " + number;
    }

    private String erpOrder() throws SQLException {
        List<Map<String, Object>> customer = pick(crm, "accounts", SqlFragment.of(
                "\"customertypecode\" = ? AND LENGTH(\"accountnumber\") <= 20", 3), "\"accountid\"");
        if (customer.isEmpty()) {
            return null;
        }
        String company = AccountSeeder.companyOf((String) customer.get(0).get("_owningbusinessunit_value"));
        long n = count(erp, "SalesOrderHeadersV2", SqlFragment.of("\"SalesOrderNumber\" LIKE ?", "SO-E-%"));
        String number = String.format("SO-E-%06d", n + 1);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("OrderingCustomerAccountNumber", customer.get(0).get("accountnumber"));
        header.put("InvoiceCustomerAccountNumber", customer.get(0).get("accountnumber"));
        header.put("SalesOrderName", "Phone order " + number);
        header.put("CurrencyCode", ErpSalesSeeder.currency(company));
        header.put("SalesOrderStatus", "Open");
        header.put("DocumentStatus", "Confirmation");
        header.put("SalesOrderOriginCode", "ERP");
        header.put("IsExternallyMaintained", "No");
        String headerKey = "SalesOrderHeadersV2(dataAreaId='" + company + "',SalesOrderNumber='" + number + "')";
        if (send(erp, "PATCH", headerKey, header) >= 300) {
            return null;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 1; i <= count; i++) {
            List<Map<String, Object>> product = pick(erp, "SellableReleasedProducts",
                    SqlFragment.of("\"dataAreaId\" = ?", company), "\"ProductNumber\"");
            if (product.isEmpty()) {
                break;
            }
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(10));
            BigDecimal price = (BigDecimal) product.get(0).get("SalesPrice");
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ProductNumber", product.get(0).get("ProductNumber"));
            line.put("OrderedSalesQuantity", quantity);
            line.put("SalesPrice", price);
            line.put("SalesUnitSymbol", product.get(0).get("SalesUnitSymbol"));
            line.put("LineDiscountAmount", BigDecimal.ZERO);
            line.put("LineAmount", quantity.multiply(price));
            send(erp, "PATCH", "SalesOrderLines(dataAreaId='" + company + "',SalesOrderNumber='" + number
                    + "',LineCreationSequenceNumber=" + i + ")", line);
            lines.add(line);
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        ErpSalesSeeder.totals(totals, lines, "LineAmount", "TotalAmount");
        send(erp, "PATCH", headerKey, totals);
        return number;
    }

    private List<Map<String, Object>> lines(String set, Map<String, Object> order) throws SQLException {
        SimulatedService service = erp.service();
        service.lock().lock();
        try {
            return service.table(set).select(service.connection(), SqlFragment.of(
                    "\"dataAreaId\" = ? AND \"SalesOrderNumber\" = ?", order.get("dataAreaId"), order.get("SalesOrderNumber")),
                    "\"LineCreationSequenceNumber\"", 1000, 0);
        } finally {
            service.lock().unlock();
        }
    }

    /** The row changed longest ago that matches, so the ERP works through its queue in order. */
    private List<Map<String, Object>> oldest(String set, SqlFragment where) throws SQLException {
        SimulatedService service = erp.service();
        service.lock().lock();
        try {
            return service.table(set).select(service.connection(), where,
                    "\"ModifiedDateTime\", \"dataAreaId\", \"SalesOrderNumber\"", 1, 0);
        } finally {
            service.lock().unlock();
        }
    }

    /** One matching row at a random position in a fixed order, or none. */
    private List<Map<String, Object>> pick(ServiceEndpoint endpoint, String set, SqlFragment where, String order)
            throws SQLException {
        SimulatedService service = endpoint.service();
        service.lock().lock();
        try {
            EntityTable table = service.table(set);
            long count = table.count(service.connection(), where);
            if (count == 0) {
                return List.of();
            }
            return table.select(service.connection(), where, order, 1, (long) (random.nextDouble() * count));
        } finally {
            service.lock().unlock();
        }
    }

    private static long count(ServiceEndpoint endpoint, String set, SqlFragment where) throws SQLException {
        SimulatedService service = endpoint.service();
        service.lock().lock();
        try {
            return service.table(set).count(service.connection(), where);
        } finally {
            service.lock().unlock();
        }
    }

    private static String key(Map<String, Object> row, String number) {
        return "(dataAreaId='" + row.get("dataAreaId") + "'," + number + "='"
                + QueryOptions.encode(String.valueOf(row.get(number)).replace("'", "''")) + "')";
    }

    private static Map<String, Object> withoutKeys(Map<String, Object> row, String... keys) {
        Map<String, Object> body = new LinkedHashMap<>(row);
        body.remove("dataAreaId");
        for (String k : keys) {
            body.remove(k);
        }
        return body;
    }

    private static int send(ServiceEndpoint endpoint, String method, String resource, Map<String, Object> body) {
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            body.forEach((k, v) -> json.put(k, v instanceof java.time.OffsetDateTime t ? EdmType.DATETIME.canonical(t) : v));
            byte[] bytes = Json.MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
            ODataResponse r = endpoint.handle(new ODataRequest(method, resource, "", Map.of(), bytes,
                    "http://sandbox-activity"));
            if (r.status() >= 300) {
                LOG.warn("sandbox activity {} {} was refused: {}", method, resource,
                        new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.status();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
