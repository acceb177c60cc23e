package org.p2csync.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.mapping.Mappings;
import org.p2csync.sync.Batch;
import org.p2csync.sync.ChangePlan;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.PlannedChange;
import org.p2csync.sync.RunLifecycle;

/**
 * What a dry run ({@code plan}) found, area by area: the records a sync would create, update or delete, field by field
 * against the target's current values, those waiting for a reference, failing or held, and the counts of the rest.
 * It is the plan's {@link ChangePlan} and its {@link RunLifecycle}: a plan's runs are recorded nowhere else, so a run
 * that stops early is kept here, with its cause.
 */
public final class PlanReport implements ChangePlan, RunLifecycle {
    private final Mappings mappings;
    private final int limit;
    private final Map<String, Area> areas = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** @param limit records compared and listed per area (and per kind of record listed); the rest are counted */
    PlanReport(Mappings mappings, int limit) {
        this.mappings = mappings;
        this.limit = limit;
    }

    /** One area's findings. */
    private static final class Area {
        final Map<ItemStatus, Long> statuses = new EnumMap<>(ItemStatus.class);
        final Map<PlannedChange.Kind, Long> kinds = new EnumMap<>(PlannedChange.Kind.class);
        final List<PlannedChange> changes = new ArrayList<>();
        final List<String> waiting = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final List<String> held = new ArrayList<>();
        long compared;
        Exception stopped;

        long count(ItemStatus status) {
            return statuses.getOrDefault(status, 0L);
        }

        long count(PlannedChange.Kind kind) {
            return kinds.getOrDefault(kind, 0L);
        }
    }

    void note(String note) {
        notes.add(note);
    }

    @Override
    public String begin(String area) {
        areas.put(area, new Area());
        return "plan-" + area;
    }

    @Override
    public void abort(String runId, Exception cause) {
        area(runId.substring("plan-".length())).stopped = cause;
    }

    /** Whether the area's plan read its source to the end. */
    boolean completed(String area) {
        Area found = areas.get(area);
        return found != null && found.stopped == null;
    }

    boolean began(String area) {
        return areas.containsKey(area);
    }

    @Override
    public int toCompare(String area) {
        return (int) Math.max(0, limit - area(area).compared);
    }

    @Override
    public void planned(PlannedChange change) {
        Area area = area(change.area());
        area.kinds.merge(change.kind(), 1L, Long::sum);
        if (change.kind() != PlannedChange.Kind.NOT_COMPARED) {
            area.compared++;
        }
        if (change.kind() != PlannedChange.Kind.SAME && change.kind() != PlannedChange.Kind.NOT_COMPARED) {
            area.changes.add(change);
        }
    }

    @Override
    public void passed(Batch batch) {
        Area area = area(batch.area());
        for (Item item : batch.items()) {
            area.statuses.merge(item.status(), 1L, Long::sum);
            switch (item.status()) {
                case WAITING -> listed(area.waiting, "waiting  " + item.displayKey() + ": " + item.reason());
                case FAILED -> listed(area.failed, "failing  " + item.displayKey() + " at " + item.stage() + ": "
                        + item.reason());
                case HELD -> listed(area.held, "held     " + item.displayKey() + ": " + item.reason());
                default -> { }
            }
        }
    }

    private void listed(List<String> list, String line) {
        if (list.size() < limit) {
            list.add(line);
        }
    }

    private Area area(String name) {
        return areas.computeIfAbsent(name, n -> new Area());
    }

    /** Prints every planned area in the order given (areas not planned, not asked for, are left out). */
    public void print(PrintWriter out, List<String> order) {
        notes.forEach(out::println);
        for (String name : order) {
            Area area = areas.get(name);
            if (area != null) {
                print(out, name, area);
            }
        }
        out.println("plan: nothing was written to the CRM, the ERP or the state (cursors, hashes, errors and waiting"
                + " records are as they were). Not known before the writes: the values the target assigns on create,"
                + " and whether records waiting for a reference flow (a sync writes the areas they refer to first; a"
                + " plan writes none, so what waits here may flow in the sync).");
        out.flush();
    }

    private void print(PrintWriter out, String name, Area area) {
        var mapping = mappings.mapping(name);
        out.println(name + ": " + mapping.source().entity() + " (" + mapping.source().system() + ") -> "
                + mapping.target().entity() + " (" + mapping.target().system() + ")");
        List<String> assigned = mapping.target().assigned();
        for (PlannedChange change : area.changes) {
            out.println("  " + headline(change, assigned));
            for (PlannedChange.Field field : change.fields()) {
                out.println("      " + field.name() + ": " + (change.kind() == PlannedChange.Kind.CREATE
                        ? shown(field.planned()) : shown(field.current()) + " -> " + shown(field.planned())));
            }
            if (!change.notCompared().isEmpty()) {
                out.println("      (references written, not compared: " + String.join(", ", change.notCompared()) + ")");
            }
        }
        area.waiting.forEach(line -> out.println("  " + line));
        area.failed.forEach(line -> out.println("  " + line));
        area.held.forEach(line -> out.println("  " + line));
        long read = area.statuses.values().stream().mapToLong(Long::longValue).sum();
        long listed = area.changes.size();
        long toWrite = area.count(ItemStatus.READY);
        out.printf("  read %d: create %d, update %d, delete %d, not at the target %d, already so at the target %d,"
                + " not compared %d; unchanged %d (still failing %d), filtered %d, waiting %d, failing %d, held %d%n",
                read, area.count(PlannedChange.Kind.CREATE), area.count(PlannedChange.Kind.UPDATE),
                area.count(PlannedChange.Kind.DELETE), area.count(PlannedChange.Kind.NOT_THERE),
                area.count(PlannedChange.Kind.SAME), area.count(PlannedChange.Kind.NOT_COMPARED),
                area.count(ItemStatus.UNCHANGED) + area.count(ItemStatus.STILL_FAILING),
                area.count(ItemStatus.STILL_FAILING), area.count(ItemStatus.FILTERED), area.count(ItemStatus.WAITING),
                area.count(ItemStatus.FAILED), area.count(ItemStatus.HELD));
        if (area.count(PlannedChange.Kind.NOT_COMPARED) > 0) {
            out.println("  " + area.count(PlannedChange.Kind.NOT_COMPARED) + " of the " + toWrite + " records to write"
                    + " were not compared with the target (--limit " + limit + "; " + listed + " listed)");
        }
        if (area.stopped != null) {
            out.println("  stopped early: " + area.stopped.getMessage() + " (what follows in the source was not"
                    + " planned)");
        }
    }

    private static String headline(PlannedChange change, List<String> assigned) {
        String where = change.entitySet() + " " + change.targetKey();
        String lines = change.lines() > 0 ? " with " + change.lines() + " lines (not compared)" : "";
        return switch (change.kind()) {
            case CREATE -> "create   " + change.record() + " -> " + where + lines + (assigned.isEmpty() ? ""
                    : "; the target assigns " + String.join(", ", assigned));
            case UPDATE -> "update   " + change.record() + " -> " + where + lines;
            case DELETE -> "delete   " + change.record() + " -> " + where;
            case NOT_THERE -> "missing  " + change.record() + " -> " + where + ": not at the target, which this write"
                    + " only updates or deletes";
            default -> change.kind() + " " + change.record() + " -> " + where;
        };
    }

    /** A value on one line: text quoted, with its line breaks, tabs, quotes and backslashes escaped. */
    static String shown(Object value) {
        if (!(value instanceof String text)) {
            return String.valueOf(value);
        }
        StringBuilder quoted = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }
}
