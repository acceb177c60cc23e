package org.p2csync.ops;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.apache.camel.Consumer;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.quartz.CronExpression;

/** How often an area's route polls: from its Quartz cron, else its fixed delay. */
public final class SchedulePeriod {
    /** Gaps between firings looked at: a cron such as "weekdays at 9" has uneven ones, the longest counts. */
    private static final int FIRINGS = 8;

    private SchedulePeriod() {}

    public static Optional<Duration> of(Consumer consumer) {
        if (!(consumer instanceof ScheduledPollConsumer polling)) {
            return Optional.empty();
        }
        if (polling.getScheduler() instanceof QuartzScheduledPollConsumerScheduler quartz && quartz.getCron() != null) {
            return ofCron(quartz.getCron().replace('+', ' '));
        }
        return polling.getDelay() > 0 ? Optional.of(Duration.ofMillis(polling.getDelay())) : Optional.empty();
    }

    /** The longest gap between the next firings of a Quartz cron expression. */
    static Optional<Duration> ofCron(String cron) {
        try {
            CronExpression expression = new CronExpression(cron);
            Date previous = expression.getNextValidTimeAfter(new Date());
            Duration longest = Duration.ZERO;
            for (int i = 0; i < FIRINGS && previous != null; i++) {
                Date next = expression.getNextValidTimeAfter(previous);
                if (next == null) {
                    break;
                }
                Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
                longest = gap.compareTo(longest) > 0 ? gap : longest;
                previous = next;
            }
            return longest.isZero() ? Optional.empty() : Optional.of(longest);
        } catch (ParseException e) {
            return Optional.empty(); // the route would not have started; nothing to judge lateness by
        }
    }
}
