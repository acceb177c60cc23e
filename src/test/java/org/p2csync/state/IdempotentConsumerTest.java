package org.p2csync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record state plugged into Camel's own Idempotent Consumer EIP, as an embedding user would. */
class IdempotentConsumerTest {
    @TempDir
    Path dataDir;

    @Test
    void unchangedPayloadsAreSkippedEvenAfterARestart() throws Exception {
        StateConfig config = StateStore.h2(dataDir);
        try (StateStore store = StateStore.open(config)) {
            assertThat(deliver(store, List.of("usmf|US-001#aa", "usmf|US-002#bb", "usmf|US-001#aa")))
                    .containsExactly("usmf|US-001#aa", "usmf|US-002#bb");
        }
        try (StateStore store = StateStore.open(config)) {
            assertThat(deliver(store, List.of("usmf|US-001#aa", "usmf|US-002#cc")))
                    .as("after a restart only the changed payload passes")
                    .containsExactly("usmf|US-002#cc");
        }
    }

    @Test
    void aRejectedWriteRecordsNoHash() throws Exception {
        try (StateStore store = StateStore.open(StateStore.h2(dataDir))) {
            store.recordState("accounts").record(java.util.Map.of("usmf|US-001", "aa"));

            assertThat(deliver(store, List.of("usmf|US-001#rejected", "usmf|US-002#rejected"))).isEmpty();

            assertThat(store.recordState("accounts").hash("usmf|US-001")).as("last accepted hash kept").contains("aa");
            assertThat(store.recordState("accounts").hash("usmf|US-002")).isEmpty();
        }
    }

    private static List<Object> deliver(StateStore store, List<String> messageIds) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in")
                            .idempotentConsumer(header("messageId"), store.recordState("accounts"))
                            .eager(false)
                            .filter(body().endsWith("#rejected"))
                                .throwException(new IllegalStateException("target rejected the write"))
                            .end()
                            .to("mock:written");
                }
            });
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            for (String id : messageIds) {
                try {
                    producer.sendBodyAndHeader("direct:in", id, "messageId", id);
                } catch (CamelExecutionException expectedForRejectedWrites) {
                    assertThat(id).endsWith("#rejected");
                }
            }
            MockEndpoint written = camel.getEndpoint("mock:written", MockEndpoint.class);
            return written.getReceivedExchanges().stream().map(e -> e.getMessage().getBody()).toList();
        }
    }
}
