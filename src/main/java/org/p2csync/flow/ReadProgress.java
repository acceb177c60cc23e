package org.p2csync.flow;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How far a long read is: records done of the total the source counted ({@code $count}), the rate and the time left.
 * On a terminal a bar redrawn in place; otherwise (a log file, a service manager) a line every
 * {@value #LINE_EVERY_SECONDS} s. A read that ends sooner shows nothing: short runs keep their one summary line.
 */
final class ReadProgress {
    static final long LINE_EVERY_SECONDS = 10;
    private static final long BAR_AFTER_SECONDS = 2;
    private static final long BAR_EVERY_MILLIS = 250;
    private static final int BAR_WIDTH = 30;

    private final String area;
    private final Long total;
    private final LongSupplier nanos;
    private final Consumer<String> lines;
    private final PrintWriter terminal;
    private final long began;
    private long done;
    private long shownAt;
    private boolean barShown;

    /**
     * @param total rows the whole read brings, or null when the source did not count them
     * @param lines where periodic lines go (the log)
     * @param terminal the console to draw the bar on, or null when there is none
     */
    ReadProgress(String area, Long total, LongSupplier nanos, Consumer<String> lines, PrintWriter terminal) {
        this.area = area;
        this.total = total;
        this.nanos = nanos;
        this.lines = lines;
        this.terminal = terminal;
        this.began = nanos.getAsLong();
        this.shownAt = began;
    }

    /** Adds a committed page's records; shows the progress when it is time to. */
    void add(long rows) {
        done += rows;
        long now = nanos.getAsLong();
        if (terminal != null) {
            if (now - began >= Duration.ofSeconds(BAR_AFTER_SECONDS).toNanos()
                    && now - shownAt >= Duration.ofMillis(BAR_EVERY_MILLIS).toNanos()) {
                terminal.print("\r" + bar(now));
                terminal.flush();
                shownAt = now;
                barShown = true;
            }
        } else if (now - shownAt >= Duration.ofSeconds(LINE_EVERY_SECONDS).toNanos()) {
            lines.accept(line(now));
            shownAt = now;
        }
    }

    /** Ends the bar's line, so what is printed next starts on its own. */
    void finish() {
        if (barShown) {
            terminal.println("\r" + bar(nanos.getAsLong()));
            terminal.flush();
        }
    }

    /** {@code accounts: 4000/20000 read (20%), 1250 records/s, about 13 s left}. */
    String line(long now) {
        double rate = rate(now);
        StringBuilder text = new StringBuilder(area).append(": ").append(done);
        if (total != null) {
            text.append('/').append(total).append(" read (").append(percent()).append("%)");
        } else {
            text.append(" read");
        }
        text.append(", ").append(Math.round(rate)).append(" records/s");
        eta(rate).ifPresent(left -> text.append(", about ").append(left).append(" left"));
        return text.toString();
    }

    /** {@code accounts [#########---------------------] 4000/20000  20%  1250/s  ETA 0:13}. */
    String bar(long now) {
        double rate = rate(now);
        int filled = total == null || total == 0 ? 0 : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        StringBuilder text = new StringBuilder(area).append(" [").append("#".repeat(filled))
                .append("-".repeat(BAR_WIDTH - filled)).append("] ").append(done);
        if (total != null) {
            text.append('/').append(total).append(' ').append(String.format("%3d%%", percent()));
        }
        text.append(' ').append(Math.round(rate)).append("/s");
        eta(rate).ifPresent(left -> text.append(" ETA ").append(left));
        return text.toString();
    }

    private double rate(long now) {
        double seconds = Math.max(1e-3, (now - began) / 1e9);
        return done / seconds;
    }

    private long percent() {
        return total == null || total == 0 ? 100 : Math.min(100, done * 100 / total);
    }

    private java.util.Optional<String> eta(double rate) {
        if (total == null || rate <= 0 || done >= total) {
            return java.util.Optional.empty();
        }
        long seconds = Math.round((total - done) / rate);
        return java.util.Optional.of(seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s");
    }
}
