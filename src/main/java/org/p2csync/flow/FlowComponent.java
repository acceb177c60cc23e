package org.p2csync.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.Mappings;
import org.p2csync.state.StateStore;
import org.p2csync.sync.ChangePlan;

/**
 * The {@code p2c:} component: the stages between a source and a target endpoint, as endpoints so a route reads
 * like the job: {@code p2c:map?area=accounts}, {@code p2c:skip-unchanged?area=accounts}, {@code p2c:commit?area=...} (option {@code maxWaitingAttempts}, default 10: runs a record waits for its
 * reference before it fails).
 */
public final class FlowComponent extends DefaultComponent {
    private final Mappings areas;
    private final StateStore state;
    private final RunLedger ledger;
    /** Set for a dry run: its last stage hands pages to the plan instead of committing them. */
    private final ChangePlan plan;
    private final ObjectMapper json = new ObjectMapper();

    public FlowComponent(Mappings areas, StateStore state, RunLedger ledger) {
        this(areas, state, ledger, null);
    }

    private FlowComponent(Mappings areas, StateStore state, RunLedger ledger, ChangePlan plan) {
        this.areas = areas;
        this.state = state;
        this.ledger = ledger;
        this.plan = plan;
    }

    /**
     * The stages of a dry run ({@code plan}): map and skip-unchanged as ever (they only read the state), and in place
     * of the commit a stage that hands each page to {@code plan} and records nothing: no hash, cursor, error, waiting
     * record or run.
     */
    public static FlowComponent planning(Mappings areas, StateStore state, ChangePlan plan) {
        return new FlowComponent(areas, state, null, java.util.Objects.requireNonNull(plan, "plan"));
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String area = getAndRemoveParameter(parameters, "area", String.class);
        if (area == null || area.isBlank()) {
            throw new IllegalArgumentException(uri + ": the option 'area' is required");
        }
        Integer maxWaiting = getAndRemoveParameter(parameters, "maxWaitingAttempts", Integer.class,
                WaitingLimit.DEFAULT_MAX_ATTEMPTS);
        return new FlowEndpoint(uri, this, stepFor(remaining, area, maxWaiting));
    }

    /**
     * Maps a page. An area read in full, or by its timestamp, first marks the records still failing as they were
     * ({@link StillFailingStep}): both bring records nobody changed again (a full read all of them, a timestamp read
     * those of its watermark's second, which it reads again). Change tracking brings a failed record again only when
     * the service says it changed, or when `retry` asks.
     */
    private BatchStep mapStage(String area) {
        Mapping mapping = areas.mapping(area);
        MapStep map = new MapStep(mapping, SyncedKeys.of(state), areas::assignedFields);
        return ReadStrategy.kindOf(mapping.readSpec()) != ReadStrategy.Kind.CHANGE_TRACKING
                ? new StillFailingStep(state.errors(), new SourceFingerprint(mapping.version())).andThen(map)
                : map;
    }

    /**
     * Skips what needs no write: unchanged records, and for a target with read-only states the records held there with
     * the payload they have now ({@link StillReadOnlyStep}).
     */
    private BatchStep skipStage(String area) {
        Mapping mapping = areas.mapping(area);
        BatchStep skip = new SkipUnchangedStep(state.recordState(area), mapping.sourceLinesTarget());
        if (!mapping.target().readOnlyWhen().isNever()) {
            skip = skip.andThen(new StillReadOnlyStep(state.held()));
        }
        return skip.andThen(new ReadBackPlan(state.recordState(area), areas.assignedFields(area)));
    }

    private BatchStep stepFor(String stage, String area, int maxWaitingAttempts) {
        return switch (stage) {
            case "map" -> mapStage(area);
            case "skip-unchanged" -> skipStage(area);
            case "commit" -> plan != null ? batch -> {
                plan.passed(batch);
                return batch;
            } : new CommitStep(state.recordState(area), state.errors(), state.pending(), state.cursors(),
                    ledger, json, areas.mapping(area).target().id(), areas.mapping(area).sourceLinesTarget(),
                    areas.mapping(area).detectsConflicts()
                            ? ConflictRecorder.detecting(state.conflicts()) : ConflictRecorder.off(),
                    state.held(), new SourceFingerprint(areas.mapping(area).version()), maxWaitingAttempts);
            default -> throw new IllegalArgumentException(
                    "p2c:" + stage + " is not a stage; use p2c:map, p2c:skip-unchanged or p2c:commit");
        };
    }
}
