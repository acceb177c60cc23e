package org.p2csync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pause switches, alert rules and the failure count the rules use; run against H2 and PostgreSQL. */
abstract class AreaPausesContract {
    /** Set per test: the PostgreSQL subclass shares one instance between its tests. */
    TestClock clock;
    StateConfig config;
    StateStore store;

    abstract StateConfig newDatabase() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
        config = newDatabase();
        store = StateStore.open(config, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aPauseInForceKeepsItsReasonUntilResumedAndAnotherStoreSeesIt() {
        assertThat(store.pauses().current("accounts")).isEmpty();
        assertThat(store.pauses().pause("accounts", PausedBy.RULE, "10 failed records within 15m")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.pauses().pause("accounts", PausedBy.OPERATOR, "maintenance")).as("paused already").isFalse();

        try (StateStore other = StateStore.open(config, clock)) {
            AreaPause seen = other.pauses().current("accounts").orElseThrow();
            assertThat(seen.by()).isEqualTo(PausedBy.RULE);
            assertThat(seen.reason()).isEqualTo("10 failed records within 15m");
            assertThat(seen.pausedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
            assertThat(other.pauses().inForce()).extracting(AreaPause::area).containsExactly("accounts");
        }
        assertThat(store.pauses().current("contacts")).as("one area's pause only").isEmpty();
    }

    @Test
    void resumingEndsThePauseKeepsItVisibleAndALaterPauseTakesItsPlace() {
        store.pauses().pause("accounts", PausedBy.OPERATOR, "maintenance");
        clock.advance(Duration.ofMinutes(5));

        AreaPause ended = store.pauses().resume("accounts").orElseThrow();

        assertThat(ended.reason()).isEqualTo("maintenance");
        assertThat(store.pauses().current("accounts")).isEmpty();
        assertThat(store.pauses().latest("accounts").orElseThrow().resumedAt())
                .isEqualTo(Instant.parse("2026-03-02T09:05:00Z"));
        assertThat(store.pauses().resume("accounts")).as("not paused any more").isEmpty();
        assertThat(store.pauses().inForce()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(store.pauses().pause("accounts", PausedBy.RULE, "again")).isTrue();
        AreaPause again = store.pauses().current("accounts").orElseThrow();
        assertThat(again.reason()).isEqualTo("again");
        assertThat(again.pausedAt()).isEqualTo(Instant.parse("2026-03-02T09:10:00Z"));
        assertThat(again.resumedAt()).isNull();
        assertThatThrownBy(() -> store.pauses().pause("accounts", PausedBy.OPERATOR, " "))
                .hasMessageContaining("a reason is required");
    }

    @Test
    void storedRulesReplaceTheAreasEarlierOnesAndKeepTheOthers() {
        store.alertRules().store(List.of(new AlertRule("accounts", 10, Duration.ofMinutes(15)),
                new AlertRule("contacts", 0, Duration.ofMinutes(15))));
        store.alertRules().store(List.of(new AlertRule("accounts", 3, Duration.ofHours(1))));

        assertThat(store.alertRules().rule("accounts")).contains(new AlertRule("accounts", 3, Duration.ofHours(1)));
        assertThat(store.alertRules().all()).extracting(AlertRule::area).containsExactly("accounts", "contacts");
        assertThat(store.alertRules().rule("quotes")).isEmpty();
    }

    @Test
    void failedRecordsAreCountedOncePerRecordFromTheGivenTimeOnResolvedOrNot() {
        store.errors().record("r1", "accounts", "A-1", "write", "too long", null);
        clock.advance(Duration.ofMinutes(10));
        Instant since = clock.instant();
        store.errors().record("r2", "accounts", "A-2", "write", "too long", null);
        store.errors().record("r3", "accounts", "A-2", "write", "too long again", null);
        store.errors().record("r3", "accounts", "A-3", "map", "no value map entry", null);
        store.errors().record("r3", "accounts", null, "read", "page unreadable", null);
        store.errors().record("r3", "contacts", "C-1", "write", "refused", null);
        store.errors().resolve("accounts", List.of("A-3"));

        assertThat(store.errors().failedRecordsSince("accounts", since)).isEqualTo(3);
        assertThat(store.errors().failedRecordsSince("accounts", since.minusSeconds(600))).isEqualTo(4);
        assertThat(store.errors().failedRecordsSince("accounts", since.plusSeconds(1))).isZero();
    }
}
