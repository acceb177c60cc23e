package org.p2csync.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.p2csync.state.AlertRule;
import org.p2csync.state.AlertRules;
import org.p2csync.state.AreaPause;
import org.p2csync.state.AreaPauses;
import org.p2csync.state.ErrorStore;
import org.p2csync.state.PausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the areas' alert rules when a run with failed records ends: once the area's failed records within the
 * rule's window reach its limit, the area is paused with the reason, a WARN says so and the notifier is told. The
 * rule and the failures are read from the state database, so every instance counts the same; failures before the
 * area's last resume do not count again, so resuming is not undone by the failures that caused the pause.
 *
 * <p>The rule is checked when a run ends: the run in which the limit is reached finishes its pages; the next run is
 * held back.
 */
public final class AlertRuleCheck implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRuleCheck.class);

    private final AlertRules rules;
    private final ErrorStore errors;
    private final AreaPauses pauses;
    private final AlertNotifier notifier;
    private final Clock clock;

    public AlertRuleCheck(AlertRules rules, ErrorStore errors, AreaPauses pauses, AlertNotifier notifier, Clock clock) {
        this.rules = rules;
        this.errors = errors;
        this.pauses = pauses;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public void finished(RunSummary run) {
        if (run.counts().failed() == 0) {
            return;
        }
        try {
            check(run);
        } catch (RuntimeException e) {
            // the run's records, hashes and cursor are committed already; a rule that cannot be read must not undo it
            LOG.warn("{}: the alert rule could not be checked after run {}: {}", run.area(), run.runId(),
                    e.getMessage());
        }
    }

    private void check(RunSummary run) {
        Optional<AlertRule> stored = rules.rule(run.area());
        if (stored.isEmpty() || !stored.get().enabled()) {
            return;
        }
        AlertRule rule = stored.get();
        Instant now = clock.instant();
        Instant since = now.minus(rule.window());
        Optional<Instant> resumed = pauses.latest(run.area()).map(AreaPause::resumedAt);
        if (resumed.isPresent() && resumed.get() != null && resumed.get().isAfter(since)) {
            since = resumed.get();
        }
        long failed = errors.failedRecordsSince(run.area(), since);
        if (failed < rule.maxFailed()) {
            return;
        }
        String reason = String.format("%d failed records within %s (alert rule: %s); last run %s", failed,
                AlertRule.shown(rule.window()), rule.describe(), run.runId());
        if (pauses.pause(run.area(), PausedBy.RULE, reason)) {
            LOG.warn("{}: paused by its alert rule: {}. Its runs read nothing until `resume --area {}`; records"
                    + " changed meanwhile flow then", run.area(), reason, run.area());
            notifier.fired(new AreaAlert(run.area(), reason, failed, rule, run.runId(), now));
        }
    }
}
