package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress of a long read, on a clock the test moves: periodic lines without a terminal, a bar with one. */
class ReadProgressTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> lines = new ArrayList<>();

    @Test
    void withoutATerminalALineEveryTenSecondsWithDoneTotalRateAndTimeLeft() {
        ReadProgress progress = new ReadProgress("accounts", 20000L, nanos::get, lines::add, null);
        seconds(5);
        progress.add(5000);
        assertThat(lines).as("a read shorter than ten seconds says nothing").isEmpty();
        seconds(5);
        progress.add(5000);
        assertThat(lines).containsExactly("accounts: 10000/20000 read (50%), 1000 records/s, about 10 s left");
        seconds(5);
        progress.add(9000);
        assertThat(lines).hasSize(1);
        seconds(80);
        progress.add(1000);
        assertThat(lines).last().isEqualTo("accounts: 20000/20000 read (100%), 211 records/s");
    }

    @Test
    void anUncountedReadShowsWhatIsDoneAndTheRate() {
        ReadProgress progress = new ReadProgress("products", null, nanos::get, lines::add, null);
        seconds(20);
        progress.add(4000);
        assertThat(lines).containsExactly("products: 4000 read, 200 records/s");
    }

    @Test
    void onATerminalABarRedrawnInPlaceAndEndedWithTheRead() {
        StringWriter screen = new StringWriter();
        ReadProgress progress = new ReadProgress("accounts", 1000L, nanos::get, lines::add, new PrintWriter(screen));
        seconds(1);
        progress.add(100);
        assertThat(screen.toString()).as("not in the first two seconds").isEmpty();
        seconds(2);
        progress.add(200);
        seconds(2);
        progress.add(200);
        progress.finish();
        assertThat(lines).isEmpty();
        assertThat(screen.toString()).isEqualTo("\raccounts [#########---------------------] 300/1000  30% 100/s"
                + " ETA 7 s\raccounts [###############---------------] 500/1000  50% 100/s ETA 5 s\r"
                + "accounts [###############---------------] 500/1000  50% 100/s ETA 5 s" + System.lineSeparator());
    }

    private void seconds(long n) {
        nanos.addAndGet(n * 1_000_000_000L);
    }
}
