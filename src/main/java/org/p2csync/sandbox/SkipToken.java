package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque $skiptoken of a nextLink: the last served row's sort values (its $orderby values then its key), plus how
 * many rows a $top still allows. Paging resumes strictly after that row, never at an offset, so rows changed while a
 * client pages do not shift it.
 *
 * @param remainingTop rows still allowed by $top, or null without $top
 */
record SkipToken(Integer remainingTop, List<String> values) {
    String encode() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        if (remainingTop == null) array.addNull(); else array.add(remainingTop);
        values.forEach(array::add);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SkipToken decode(String token, int expectedValues) {
        try {
            JsonNode array = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.trim()));
            if (array.isArray() && array.size() == expectedValues + 1) {
                Integer top = array.get(0).isNull() ? null : array.get(0).intValue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i < array.size(); i++) {
                    values.add(array.get(i).isNull() ? null : array.get(i).asText());
                }
                return new SkipToken(top, values);
            }
        } catch (Exception ignored) {
            // reported below: a token the client altered or carried over to another query
        }
        throw ODataError.badRequest("Invalid $skiptoken; follow @odata.nextLink exactly as served");
    }
}
