package org.p2csync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may press the status page's buttons. */
class PostGuardTest {
    @Test
    void theBoundHostMayAndOthersOnlyWithTheToken() {
        PostGuard open = new PostGuard("0.0.0.0", Optional.of("s3cret"));
        assertThat(open.check("127.0.0.1", null, "example:8080", Optional.empty()).allowed()).isTrue();
        assertThat(open.check("::1", null, null, Optional.empty()).allowed()).isTrue();
        assertThat(open.check("10.1.2.3", null, null, Optional.empty()).refusal()).get().asString()
                .contains("need the token (p2c.http.token)");
        assertThat(open.check("10.1.2.3", null, null, Optional.of("wrong")).allowed()).isFalse();
        assertThat(open.check("10.1.2.3", null, null, Optional.of("s3cret")).allowed()).isTrue();
        assertThat(open.asksForToken("10.1.2.3")).isTrue();
        assertThat(open.asksForToken("127.0.0.1")).isFalse();
    }

    @Test
    void withoutATokenOnlyTheBoundAddressAndLoopback() {
        PostGuard bound = new PostGuard("10.0.0.5", Optional.empty());
        assertThat(bound.check("10.0.0.5", null, null, Optional.empty()).allowed()).isTrue();
        assertThat(bound.check("10.0.0.6", null, null, Optional.of("anything")).refusal()).get().asString()
                .contains("set p2c.http.token");
        assertThat(bound.asksForToken("10.0.0.6")).as("no token would help").isFalse();
    }

    @Test
    void aPageOfAnotherSiteIsRefusedEvenWithTheTokenOrFromLoopback() {
        PostGuard guard = new PostGuard("127.0.0.1", Optional.of("s3cret"));
        assertThat(guard.check("127.0.0.1", "http://127.0.0.1:8080", "127.0.0.1:8080", Optional.empty()).allowed())
                .isTrue();
        assertThat(guard.check("127.0.0.1", "http://evil.example", "127.0.0.1:8080", Optional.empty()).refusal())
                .get().asString().contains("another site (http://evil.example)");
        assertThat(guard.check("127.0.0.1", "http://localhost:8081", "localhost:8080", Optional.of("s3cret"))
                .allowed()).isFalse();
        assertThat(guard.check("127.0.0.1", "null", "127.0.0.1:8080", Optional.empty()).allowed())
                .as("an opaque origin (sandboxed frame)").isFalse();
    }
}
