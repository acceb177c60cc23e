package org.p2csync.e2e;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a CRM user does to quotes or orders and their lines, through the Dataverse Web API as any client. A quote is
 * edited while a draft (statecode 0) and then activated (statecode 1, statuscode 2 In Progress), after which it and
 * its lines are read-only; an order stays statecode 0 and is activated by its p2c_processingstatus (Draft -> Active),
 * so it remains editable.
 */
final class CrmDocuments {
    /** The choice values of salesorder.p2c_processingstatus (src/main/resources/p2c-columns.yaml). */
    static final int ORDER_DRAFT = 916800000;
    static final int ORDER_ACTIVE = 916800001;

    private final ODataProbe probe;
    private final Kind kind;

    /** One document table with its lines: the sets, the columns that tie them, and how a draft is activated. */
    private record Kind(String headers, String lines, String id, String number, String lineId, String parent,
                        String parentBind, String draft, Map<String, Object> activation) {
    }

    private CrmDocuments(ODataProbe probe, Kind kind) {
        this.probe = probe;
        this.kind = kind;
    }

    static CrmDocuments quotes(ODataProbe probe) {
        return new CrmDocuments(probe, new Kind("quotes", "quotedetails", "quoteid", "quotenumber", "quotedetailid",
                "_quoteid_value", "quoteid@odata.bind", "statecode eq 0", Map.of("statecode", 1, "statuscode", 2)));
    }

    static CrmDocuments orders(ODataProbe probe) {
        return new CrmDocuments(probe, new Kind("salesorders", "salesorderdetails", "salesorderid", "ordernumber",
                "salesorderdetailid", "_salesorderid_value", "salesorderid@odata.bind",
                "p2c_processingstatus eq " + ORDER_DRAFT, Map.of("p2c_processingstatus", ORDER_ACTIVE)));
    }

    /**
     * A draft of one of these accounts, not among {@code except} (ids), with lines that all name a product; an
     * error saying so when there is none.
     */
    Map<String, Object> draftWithProductLines(Set<Object> accounts, Set<Object> except) {
        List<Map<String, Object>> lines = probe.crm(kind.lines(), "$select=" + kind.parent() + ",_productid_value");
        return probe.crm(kind.headers(), "$select=" + kind.id() + "," + kind.number()
                                + ",_customerid_value,_owningbusinessunit_value", "$filter=" + kind.draft()).stream()
                .filter(d -> accounts.contains(d.get("_customerid_value")))
                .filter(d -> !except.contains(d.get(kind.id())))
                .filter(d -> lines.stream().anyMatch(l -> d.get(kind.id()).equals(l.get(kind.parent()))))
                .filter(d -> lines.stream().noneMatch(l -> d.get(kind.id()).equals(l.get(kind.parent()))
                        && l.get("_productid_value") == null))
                .findFirst().orElseThrow(() -> new AssertionError("no draft " + kind.headers()
                        + " with product lines of the " + accounts.size() + " accounts"));
    }

    /** The document's lines in sequence order, each with its id, product, sequence number and quantity. */
    List<Map<String, Object>> lines(Object documentId) {
        return probe.crm(kind.lines(), "$select=" + kind.lineId() + "," + kind.parent()
                                + ",_productid_value,sequencenumber,quantity",
                        "$filter=" + kind.parent() + " eq " + documentId).stream()
                .sorted(Comparator.comparingInt(l -> ((Number) l.get("sequencenumber")).intValue()))
                .toList();
    }

    /** The id of a line as {@link #lines} returns it. */
    Object lineId(Map<String, Object> line) {
        return line.get(kind.lineId());
    }

    /**
     * Adds a write-in line (a product typed in: no product, {@code isproductoverridden}) after the document's last
     * line; returns its sequence number.
     */
    int addWriteInLine(Object documentId, String description) {
        int sequence = lines(documentId).stream().mapToInt(l -> ((Number) l.get("sequencenumber")).intValue()).max()
                .orElse(0) + 1;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(kind.parentBind(), "/" + kind.headers() + "(" + documentId + ")");
        line.put("sequencenumber", sequence);
        line.put("isproductoverridden", true);
        line.put("productdescription", description);
        line.put("quantity", 1);
        line.put("priceperunit", 25);
        probe.postCrm(kind.lines(), line);
        return sequence;
    }

    /** The line of that sequence number, as {@link #lines} returns it. */
    Map<String, Object> line(Object documentId, int sequence) {
        return lines(documentId).stream().filter(l -> ((Number) l.get("sequencenumber")).intValue() == sequence)
                .findFirst().orElseThrow(() -> new AssertionError("no line " + sequence + " of " + documentId));
    }

    /** Gives a write-in line a product from the catalogue, as a user replacing the typed-in text. */
    void nameProduct(Object lineId, Object productId) {
        probe.patchCrm(kind.lines() + "(" + lineId + ")",
                Map.of("productid@odata.bind", "/products(" + productId + ")", "isproductoverridden", false));
    }

    void deleteLine(Object lineId) {
        probe.deleteCrm(kind.lines() + "(" + lineId + ")");
    }

    /** Activates a draft (a quote is read-only from then on; an order stays editable). */
    void activate(Object documentId) {
        probe.patchCrm(kind.headers() + "(" + documentId + ")", kind.activation());
    }
}
