package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sales side of the simulated users. CRM: activate a draft order (p2c_processingstatus Draft -> Active; the
 * order stays active), activate a draft quote, change an order line, maybe create a contact. ERP, one step per order
 * and tick, oldest order number first: invoice a Picked order (invoice header + lines with today's InvoiceDate and
 * the next LedgerVoucher; order Invoiced), pick a Confirmed one, confirm an Active order that came from the CRM
 * (SalesOrderOriginCode CRM: Confirmed, totals calculated, AreTotalsUpdated Yes), and now and then take an order by
 * phone (origin ERP, Confirmed). Writes go through the services' request handling, so stamps, checks and refusals
 * are those API clients meet; choices come from the seeded random and the data, so a run is reproducible.
 */
final class SalesActivity {
    private static final Logger LOG = LoggerFactory.getLogger(SalesActivity.class);
    private static final String ORDERS = "CDSSalesOrderHeaders";
    private static final String ORDER_LINES = "CDSSalesOrderLines";
    private static final String OLDEST_FIRST = "\"SalesOrderNumber\", \"dataAreaId\"";

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
        EntitySetDef orders = crm.service().model().requireEntitySet("salesorders");
        Property processing = orders.property("p2c_processingstatus").orElse(null);
        // a fresh org has no processing status until setup creates it: then no order is activated this way
        if (random.nextBoolean() && processing != null) {
            List<Map<String, Object>> draft = pick(crm, "salesorders", SqlFragment.of("\"p2c_processingstatus\" = ?",
                    processing.option("Draft")), "\"salesorderid\"");
            if (!draft.isEmpty() && send(crm, "PATCH", "salesorders(" + draft.get(0).get("salesorderid") + ")",
                    Map.of("p2c_processingstatus", processing.option("Active"))) < 300) {
                done.add("activated order " + draft.get(0).get("ordernumber"));
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
                // the service computes the line's amounts and the order's totals from the quantity
                if (send(crm, "PATCH", "salesorderdetails(" + line.get(0).get("salesorderdetailid") + ")",
                        Map.of("quantity", quantity)) < 300) {
                    done.add("edited a line of order " + line.get(0).get("_salesorderid_value"));
                }
            }
        }
        if (random.nextBoolean()) {
            String made = contact();
            if (made != null) {
                done.add("created contact " + made);
            }
        }
        return done.isEmpty() ? "no sales edits" : String.join(", ", done);
    }

    /** A contact person of a random customer account, or (without customers) a person buying for itself. */
    private String contact() throws SQLException {
        List<Map<String, Object>> parent = pick(crm, "accounts", SqlFragment.of("\"customertypecode\" = ?", 3),
                "\"accountid\"");
        int index = (int) count(crm, "contacts", SqlFragment.TRUE);
        SeedAccount account = parent.isEmpty() ? null : SeedAccount.of(parent.get(0));
        Map<String, Object> row = CrmSalesSeeder.contact(index, account, random);
        EntitySetDef contacts = crm.service().model().requireEntitySet("contacts");
        return send(crm, "POST", "contacts", RowBodies.requestBody(contacts, row)) < 300
                ? (String) row.get("p2c_contactnumber") : null;
    }

    /** The ERP users' work of one tick: invoice, pick, confirm (each moves an order one step), maybe take one. */
    String erpTick() throws SQLException {
        List<String> done = new ArrayList<>();
        List<Map<String, Object>> picked = oldest(status("Picked"));
        if (!picked.isEmpty()) {
            done.add("invoiced " + invoice(picked.get(0)));
        }
        List<Map<String, Object>> confirmed = oldest(status("Confirmed"));
        if (!confirmed.isEmpty() && send(erp, "PATCH", ORDERS + key(confirmed.get(0)),
                Map.of("SalesOrderProcessingStatus", "Picked")) < 300) {
            done.add("picked " + confirmed.get(0).get("SalesOrderNumber"));
        }
        List<Map<String, Object>> active = oldest(status("Active").and(SqlFragment.of("\"SalesOrderOriginCode\" = ?",
                ErpSalesSeeder.ORIGIN_CRM)));
        if (!active.isEmpty()) {
            Map<String, Object> order = active.get(0);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("SalesOrderProcessingStatus", "Confirmed");
            change.put("SalesOrderStatus", "Backorder");
            ErpSalesSeeder.totals(change, lines(order));
            if (send(erp, "PATCH", ORDERS + key(order), change) < 300) {
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

    private static SqlFragment status(String member) {
        return SqlFragment.of("\"SalesOrderProcessingStatus\" = ?", member);
    }

    private String invoice(Map<String, Object> order) throws SQLException {
        String number = String.format("CIV-%06d",
                count(erp, "SalesInvoiceHeadersV2", SqlFragment.of("\"InvoiceNumber\" LIKE ?", "CIV-%")) + 1);
        String voucher = ErpSalesSeeder.voucher(count(erp, "SalesInvoiceHeadersV2", SqlFragment.TRUE) + 1);
        OffsetDateTime today = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        List<Map<String, Object>> invoiceLines = new ArrayList<>();
        Map<String, Object> header = ErpSalesSeeder.invoiceOf(order, lines(order), number, voucher, invoiceLines, today);
        if (send(erp, "POST", "SalesInvoiceHeadersV2", header) >= 300) {
            return order.get("SalesOrderNumber") + " (refused)";
        }
        for (Map<String, Object> line : invoiceLines) {
            send(erp, "POST", "SalesInvoiceV2Lines", line);
        }
        send(erp, "PATCH", ORDERS + key(order),
                Map.of("SalesOrderProcessingStatus", "Invoiced", "SalesOrderStatus", "Invoiced"));
        return order.get("SalesOrderNumber") + " as " + number;
    }

    private String erpOrder() throws SQLException {
        List<Map<String, Object>> customer = pick(crm, "accounts", SqlFragment.of(
                "\"customertypecode\" = ? AND LENGTH(\"accountnumber\") <= 20", 3), "\"accountid\"");
        if (customer.isEmpty()) {
            return null;
        }
        String company = AccountSeeder.companyOf((String) customer.get(0).get(WriteRules.OWNING_BUSINESS_UNIT));
        long n = count(erp, ORDERS, SqlFragment.of("\"SalesOrderNumber\" LIKE ?", "SO-E-%"));
        String number = String.format("SO-E-%06d", n + 1);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dataAreaId", company);
        header.put("SalesOrderNumber", number);
        header.put("OrderingCustomerAccountNumber", customer.get(0).get("accountnumber"));
        header.put("InvoiceCustomerAccountNumber", customer.get(0).get("accountnumber"));
        header.put("SalesOrderName", "Phone order " + number);
        header.put("CurrencyCode", ErpSalesSeeder.currency(company));
        header.put("OrderCreationDateTime", OffsetDateTime.now(ZoneOffset.UTC));
        header.put("SalesOrderOriginCode", ErpSalesSeeder.ORIGIN_ERP);
        header.put("SalesOrderProcessingStatus", "Confirmed");
        header.put("SalesOrderStatus", "Backorder");
        if (send(erp, "POST", ORDERS, header) >= 300) {
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
            Map<String, Object> p = product.get(0);
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(10));
            BigDecimal price = (BigDecimal) p.get("SalesPrice");
            Map<String, Object> line = ErpSalesSeeder.orderLine(company, number, i, p.get("ProductNumber"),
                    p.get("ProductName"), p.get("SalesUnitSymbol"), quantity, price, "Backorder");
            send(erp, "POST", ORDER_LINES, line);
            lines.add(line);
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        ErpSalesSeeder.totals(totals, lines);
        send(erp, "PATCH", ORDERS + key(header), totals);
        return number;
    }

    private List<Map<String, Object>> lines(Map<String, Object> order) throws SQLException {
        SimulatedService service = erp.service();
        service.lock().lock();
        try {
            return service.table(ORDER_LINES).select(service.connection(), SqlFragment.of(
                    "\"dataAreaId\" = ? AND \"SalesOrderNumber\" = ?", order.get("dataAreaId"), order.get("SalesOrderNumber")),
                    "\"LineCreationSequenceNumber\"", 1000, 0);
        } finally {
            service.lock().unlock();
        }
    }

    /** The order of the lowest number that matches: the ERP works through its queue in order. */
    private List<Map<String, Object>> oldest(SqlFragment where) throws SQLException {
        SimulatedService service = erp.service();
        service.lock().lock();
        try {
            return service.table(ORDERS).select(service.connection(), where, OLDEST_FIRST, 1, 0);
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

    private static String key(Map<String, Object> order) {
        return "(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='"
                + QueryOptions.encode(String.valueOf(order.get("SalesOrderNumber")).replace("'", "''")) + "')";
    }

    /** Sends one request as an API client would; a refusal is logged (the simulated user gives up on it). */
    static int send(ServiceEndpoint endpoint, String method, String resource, Map<String, Object> body) {
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            body.forEach((k, v) -> json.put(k, v instanceof OffsetDateTime t ? EdmType.DATETIME.canonical(t) : v));
            byte[] bytes = Json.MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
            // ERP users work in both companies: F&O writes outside the default company need cross-company=true
            String query = endpoint.service().kind() == ServiceKind.FNO ? "cross-company=true" : "";
            ODataResponse r = endpoint.handle(new ODataRequest(method, resource, query,
                    method.equals("PATCH") ? Map.of("If-Match", "*") : Map.of(), bytes, "http://sandbox-activity"));
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
