package org.p2csync.e2e;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a CRM user does to quotes, through the Dataverse Web API as any client: a draft (statecode 0) is edited, then
 * activated (statecode 1, statuscode 2 In Progress), after which it and its lines are read-only.
 */
final class CrmQuotes {
    private final ODataProbe probe;

    CrmQuotes(ODataProbe probe) {
        this.probe = probe;
    }

    /** A draft quote of one of these accounts whose lines all name a product, or an error saying there is none. */
    Map<String, Object> draftWithProductLines(Set<Object> accounts, Set<Object> except) {
        List<Map<String, Object>> lines = probe.crm("quotedetails", "$select=_quoteid_value,_productid_value");
        return probe.crm("quotes", "$select=quoteid,quotenumber,_customerid_value,_owningbusinessunit_value",
                        "$filter=statecode eq 0").stream()
                .filter(q -> accounts.contains(q.get("_customerid_value")))
                .filter(q -> !except.contains(q.get("quoteid")))
                .filter(q -> lines.stream().anyMatch(l -> q.get("quoteid").equals(l.get("_quoteid_value"))))
                .filter(q -> lines.stream().noneMatch(l -> q.get("quoteid").equals(l.get("_quoteid_value"))
                        && l.get("_productid_value") == null))
                .findFirst().orElseThrow(() -> new AssertionError("no draft quote with product lines of " + accounts));
    }

    /** The quote's lines in sequence order. */
    List<Map<String, Object>> lines(Object quoteId) {
        return probe.crm("quotedetails",
                        "$select=quotedetailid,_quoteid_value,_productid_value,sequencenumber,quantity",
                        "$filter=_quoteid_value eq " + quoteId).stream()
                .sorted(Comparator.comparingInt(l -> ((Number) l.get("sequencenumber")).intValue()))
                .toList();
    }

    /**
     * Adds a write-in line (a product typed in: no product, {@code isproductoverridden}) after the draft's last
     * line; returns its sequence number.
     */
    int addWriteInLine(Object quoteId, String description) {
        int sequence = lines(quoteId).stream().mapToInt(l -> ((Number) l.get("sequencenumber")).intValue()).max()
                .orElse(0) + 1;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("quoteid@odata.bind", "/quotes(" + quoteId + ")");
        line.put("sequencenumber", sequence);
        line.put("isproductoverridden", true);
        line.put("productdescription", description);
        line.put("quantity", 1);
        line.put("priceperunit", 25);
        probe.postCrm("quotedetails", line);
        return sequence;
    }

    /** Gives a draft's write-in line a product from the catalogue, as a user replacing the typed-in text. */
    void nameProduct(Object quoteDetailId, Object productId) {
        probe.patchCrm("quotedetails(" + quoteDetailId + ")",
                Map.of("productid@odata.bind", "/products(" + productId + ")", "isproductoverridden", false));
    }

    /** Activates a draft: from now on the quote and its lines refuse every change. */
    void activate(Object quoteId) {
        probe.patchCrm("quotes(" + quoteId + ")", Map.of("statecode", 1, "statuscode", 2));
    }
}
