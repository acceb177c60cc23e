package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserTest {

    @Test
    void rowsKeepFieldOrderAndExactNumbers() throws IOException {
        Page page = parse("""
                {"@odata.context":"x","value":[
                  {"@odata.etag":"W/1","name":"Жук","creditlimit":12345678901234567890.12,"count":7,
                   "big":123456789012345678901234567890,"active":true,"parent":null,"tags":["a",{"b":1}]}
                ],"@odata.nextLink":"https://h/next"}
                """);

        assertThat(page.hasNextLink()).isTrue();
        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().get(0).keySet())
                .containsExactly("name", "creditlimit", "count", "big", "active", "parent", "tags");
        assertThat(page.rows().get(0).get("creditlimit")).isEqualTo(new BigDecimal("12345678901234567890.12"));
        assertThat(page.rows().get(0).get("count")).isEqualTo(7L);
        assertThat(page.rows().get(0).get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(page.rows().get(0).get("tags")).isEqualTo(List.of("a", java.util.Map.of("b", 1L)));
    }

    @Test
    void lastPageHasNoNextLink() throws IOException {
        assertThat(parse("{\"value\":[]}")).isEqualTo(new Page(List.of(), false));
    }

    @Test
    void truncatedOrMisshapenJsonIsAParseErrorNotAnIoError() {
        assertThatThrownBy(() -> parse("{\"value\":[{\"name\":\"a\"},{\"name\":"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> parse("{\"value\":[{\"name\":\"a\"}]} {}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("unexpected content after the response object");
        assertThatThrownBy(() -> parse("{\"value\":[1,2]}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("expected START_OBJECT but found VALUE_NUMBER_INT");
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(JsonProcessingException.class);
    }

    private static Page parse(String json) throws IOException {
        return new PageParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
