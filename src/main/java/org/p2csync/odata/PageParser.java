package org.p2csync.odata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams an OData collection response into rows without building a tree: numbers as long or BigDecimal (never
 * double, so amounts keep their digits), objects in field order, control annotations (@odata.etag, ...) left out.
 * A body that is not a well-formed collection fails with a {@link com.fasterxml.jackson.core.JsonProcessingException};
 * any other IOException means the connection broke.
 */
final class PageParser {
    /** Dataverse's "@odata.count is its limit (5000), not the total". */
    static final String COUNT_CAPPED = "@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";
    private final JsonFactory factory = new JsonFactory();

    Page parse(InputStream body) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String nextLink = null;
        String deltaLink = null;
        Long count = null;
        boolean countCapped = false;
        try (JsonParser p = factory.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("value") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        expect(p, p.currentToken(), JsonToken.START_OBJECT);
                        rows.add(object(p));
                    }
                } else if (name.equals("@odata.nextLink")) {
                    nextLink = t == JsonToken.VALUE_STRING ? p.getText() : null;
                } else if (name.equals("@odata.deltaLink")) {
                    deltaLink = t == JsonToken.VALUE_STRING ? p.getText() : null;
                } else if (name.equals("@odata.count")) {
                    count = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                } else if (name.equals(COUNT_CAPPED)) {
                    countCapped = t == JsonToken.VALUE_TRUE;
                } else {
                    p.skipChildren();
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the response object");
            }
        }
        return new Page(rows, nextLink, deltaLink, countCapped ? null : count);
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object value = value(p);
            if (isDeletedMarker(name, value)) {
                row.put(Page.DELETED, Boolean.TRUE);
            } else if (name.equals("@id")) {
                row.put(name, value);
            } else if (!name.startsWith("@odata.") && !name.startsWith("@removed")) {
                row.put(name, value);
            }
        }
        expect(p, p.currentToken(), JsonToken.END_OBJECT);
        return row;
    }

    /**
     * Change tracking reports deletes as rows with their own context (Dataverse:
     * {@code "@odata.context": "...$metadata#accounts/$deletedEntity", "id": ...}) or, in OData 4.01, as
     * {@code "@removed": {"reason": "deleted"}} with {@code "@id"}.
     */
    private static boolean isDeletedMarker(String name, Object value) {
        return (name.equals("@odata.context") && value instanceof String s && s.endsWith("$deletedEntity"))
                || name.equals("@removed");
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getDecimalValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        };
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(p, "expected " + expected + " but found " + actual);
        }
    }
}
