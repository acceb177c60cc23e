package org.p2csync.flow;

import java.time.Instant;
import org.p2csync.state.AlertRule;

/**
 * An alert rule that fired and paused its area.
 *
 * @param failedRecords the area's records that failed within the rule's window (since a resume inside it)
 * @param runId the run whose end found the rule met
 */
public record AreaAlert(String area, String reason, long failedRecords, AlertRule rule, String runId, Instant at) {}
