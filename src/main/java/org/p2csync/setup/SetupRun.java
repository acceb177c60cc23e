package org.p2csync.setup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2csync.odata.MetadataClient;
import org.p2csync.odata.ODataClient;
import org.p2csync.odata.ODataException;
import org.p2csync.odata.ServiceRefusal;
import org.p2csync.schema.P2cColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the org to the plan: creates each missing column, then each missing alternate key (a key may name a column
 * created just before), then waits for every key whose index is being built until it is Active or Failed, within the
 * key wait. A key setup itself created earlier whose index Failed is deleted and created again, so fixing the
 * duplicate values and running setup again is all it takes. With {@code checkOnly} nothing is sent but reads.
 * Every column and key gets one {@link SetupLine}. A create that fails is checked again before it counts as failed:
 * a request whose answer was lost may have been applied.
 */
public final class SetupRun {
    private static final Logger LOG = LoggerFactory.getLogger(SetupRun.class);
    private static final Pattern PRIVILEGE = Pattern.compile("\\bprv[A-Za-z]+");
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

    private final MetadataClient metadata;
    private final DuplicateValues duplicates;
    private final Duration keyWait;

    /**
     * @param reads the CRM's client, for reading the records behind a failed index
     * @param keyWait how long to wait, in all, for the key indexes to be built
     */
    public SetupRun(MetadataClient metadata, ODataClient reads, String area, Duration keyWait) {
        this.metadata = metadata;
        this.duplicates = new DuplicateValues(reads, area);
        this.keyWait = keyWait;
    }

    /** The lines of every needed column, then of every needed key. */
    public record Result(List<SetupLine> columns, List<SetupLine> keys) {
        public Result {
            columns = List.copyOf(columns);
            keys = List.copyOf(keys);
        }
    }

    /** Only reports what the org has and lacks. */
    public Result check(SetupPlan plan) {
        List<SetupLine> columns = plan.columns().stream().map(c -> c.present() ? there(c)
                : c.conflicting() ? conflict(c) : line(SetupLine.Verb.MISSING, c, describe(c))).toList();
        List<SetupLine> keys = new ArrayList<>();
        for (SetupPlan.KeyState k : plan.keys()) {
            if (k.active()) {
                keys.add(line(SetupLine.Verb.THERE, k, "Active as " + k.existing().get().schemaName()));
            } else if (k.existing().isEmpty()) {
                keys.add(line(SetupLine.Verb.MISSING, k, "an alternate key on " + k.table().logicalName() + " "
                        + k.need().columns()));
            } else if (k.existing().get().failed()) {
                keys.add(failedIndex(k, k.existing().get()));
            } else {
                keys.add(line(SetupLine.Verb.NOT_ACTIVE, k, "its index is " + k.existing().get().indexStatus()
                        + "; setup waits for it"));
            }
        }
        return new Result(columns, keys);
    }

    /** Creates what is missing and waits for the indexes. */
    public Result apply(SetupPlan plan) {
        List<SetupLine> columns = new ArrayList<>();
        for (SetupPlan.ColumnState c : plan.columns()) {
            columns.add(c.present() ? there(c) : c.conflicting() ? conflict(c) : create(c));
        }
        List<SetupLine> keys = new ArrayList<>();
        Map<Integer, Waiting> waiting = new LinkedHashMap<>();
        for (SetupPlan.KeyState k : plan.keys()) {
            if (k.active()) {
                keys.add(line(SetupLine.Verb.THERE, k, "Active as " + k.existing().get().schemaName()));
                continue;
            }
            Optional<MetadataClient.Key> existing = k.existing();
            if (existing.isPresent() && existing.get().failed()) {
                if (!existing.get().schemaName().equalsIgnoreCase(schemaName(k))) {
                    keys.add(failedIndex(k, existing.get())); // someone else's key: theirs to fix
                    continue;
                }
                try {
                    metadata.deleteKey(k.table().logicalName(), existing.get().metadataId());
                    LOG.info("setup: deleted the failed key {} to build it again", existing.get().schemaName());
                    existing = Optional.empty();
                } catch (ODataException e) {
                    keys.add(line(SetupLine.Verb.FAILED, k, "its index Failed and deleting the key to build it again"
                            + " was refused: " + explain(e)));
                    continue;
                }
            }
            boolean created = false;
            if (existing.isEmpty()) {
                try {
                    existing = Optional.of(createKey(k));
                    created = true;
                } catch (ODataException e) {
                    keys.add(line(SetupLine.Verb.FAILED, k, "creating it was refused: " + explain(e)));
                    continue;
                }
            }
            keys.add(null); // filled in once its index is built
            waiting.put(keys.size() - 1, new Waiting(k, existing.get(), created));
        }
        awaitIndexes(waiting).forEach(keys::set);
        return new Result(columns, keys);
    }

    private SetupLine create(SetupPlan.ColumnState c) {
        CrmNeeds.Column need = c.need();
        try {
            metadata.createAttribute(need.table(), definition(need.column()));
            LOG.info("setup: created column {}", need.name());
            return line(SetupLine.Verb.CREATED, c, describe(c));
        } catch (ODataException e) {
            // the create may have been applied and only its answer lost (a dropped connection, a retried POST)
            Optional<MetadataClient.Attribute> now = reread(() -> metadata.attribute(need.table(), need.logicalName()));
            if (now.isPresent() && now.get().attributeType().equalsIgnoreCase(c.expectedType())) {
                return line(SetupLine.Verb.CREATED, c, describe(c));
            }
            return line(SetupLine.Verb.FAILED, c, "creating it was refused: " + explain(e));
        }
    }

    private MetadataClient.Key createKey(SetupPlan.KeyState k) {
        String table = k.table().logicalName();
        MetadataClient.KeyDefinition definition = new MetadataClient.KeyDefinition(schemaName(k),
                "p2c-sync key " + String.join(", ", k.need().columns()), k.need().columns());
        try {
            Optional<String> id = metadata.createKey(table, definition);
            LOG.info("setup: created key {} on {} {}", definition.schemaName(), table, k.need().columns());
            return id.map(i -> metadata.key(table, i)).orElseGet(() -> find(k).orElseThrow(() ->
                    new ODataException("the key " + definition.schemaName() + " was created but " + table
                            + "'s keys do not list it", 0)));
        } catch (ODataException e) {
            Optional<MetadataClient.Key> now = reread(() -> find(k));
            if (now.isPresent()) {
                return now.get();
            }
            throw e;
        }
    }

    private Optional<MetadataClient.Key> find(SetupPlan.KeyState k) {
        return metadata.keys(k.table().logicalName()).stream()
                .filter(key -> new HashSet<>(key.attributes()).equals(new HashSet<>(k.need().columns())))
                .findFirst();
    }

    /** A read after a failed create; a failing read leaves the create's own failure to be reported. */
    private static <T> Optional<T> reread(Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (ODataException e) {
            return Optional.empty();
        }
    }

    /** A key whose index is being built, and whether this run created it. */
    private record Waiting(SetupPlan.KeyState state, MetadataClient.Key key, boolean created) {}

    /** Polls the keys until each index is Active or Failed or the key wait is over; one line per key. */
    private Map<Integer, SetupLine> awaitIndexes(Map<Integer, Waiting> waiting) {
        Map<Integer, SetupLine> lines = new LinkedHashMap<>();
        Map<Integer, Waiting> open = new LinkedHashMap<>(waiting);
        Instant start = Instant.now();
        Instant deadline = start.plus(keyWait);
        Duration pause = FIRST_POLL;
        while (true) {
            for (Iterator<Map.Entry<Integer, Waiting>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Waiting> entry = it.next();
                Waiting w = entry.getValue();
                MetadataClient.Key key;
                try {
                    key = metadata.key(w.state().table().logicalName(), w.key().metadataId());
                } catch (ODataException e) {
                    lines.put(entry.getKey(), line(SetupLine.Verb.FAILED, w.state(), "reading the state of its index"
                            + " failed: " + explain(e)));
                    it.remove();
                    continue;
                }
                if (key.active()) {
                    long seconds = Math.max(1, Duration.between(start, Instant.now()).toSeconds());
                    lines.put(entry.getKey(), line(w.created() ? SetupLine.Verb.CREATED : SetupLine.Verb.THERE, w.state(),
                            (w.created() ? "" : "existed; ") + "index Active after " + seconds + " s, as "
                                    + key.schemaName()));
                    it.remove();
                } else if (key.failed()) {
                    lines.put(entry.getKey(), failedIndex(w.state(), key));
                    it.remove();
                }
            }
            if (open.isEmpty()) {
                return lines;
            }
            if (!Instant.now().plus(pause).isBefore(deadline)) {
                break;
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
        }
        open.forEach((index, w) -> lines.put(index, line(SetupLine.Verb.NOT_ACTIVE, w.state(), "its index is still "
                + lastStatus(w) + " after the key wait of " + keyWait.toSeconds() + " s (p2c.setup.key-wait); Dataverse"
                + " builds it in a system job: run `setup --check` later, or setup with a longer wait")));
        return lines;
    }

    private String lastStatus(Waiting w) {
        try {
            return metadata.key(w.state().table().logicalName(), w.key().metadataId()).indexStatus();
        } catch (ODataException e) {
            return "being built";
        }
    }

    private SetupLine failedIndex(SetupPlan.KeyState k, MetadataClient.Key key) {
        String why;
        try {
            why = duplicates.describe(k.table().logicalName(), k.need())
                    .map(d -> "duplicate values: " + d + "; make them unique, then run setup again (it builds the key"
                            + " anew)")
                    .orElse("no two records share a value now; run setup again to build it anew (Dataverse's system"
                            + " job for the index says why it failed)");
        } catch (ODataException e) {
            why = "reading the records to find duplicate values failed: " + e.getMessage();
        }
        if (!key.schemaName().equalsIgnoreCase(schemaName(k))) {
            why += "; the key " + key.schemaName() + " is not setup's: reactivate or delete it in the org once fixed";
        }
        return line(SetupLine.Verb.FAILED, k, "index Failed on " + k.table().logicalName() + " " + k.need().columns()
                + " (key " + key.schemaName() + "): " + why);
    }

    /** Why the service refused, in terms of what to do about it. */
    static String explain(ODataException e) {
        String said = e instanceof ServiceRefusal r ? r.said() : e.getMessage();
        if (e.status() == 403) {
            Matcher privilege = PRIVILEGE.matcher(said);
            return "403, the application user lacks " + (privilege.find() ? "the privilege " + privilege.group()
                    : "a privilege") + ": give it a security role that may customize the org, e.g. System Customizer"
                    + " (README, \"What an administrator grants\"); Dataverse said: " + said;
        }
        if (e.status() == 400 && said.toLowerCase(Locale.ROOT).contains("prefix")) {
            return said + " (name a solution whose publisher has the prefix p2c in p2c.setup.solution)";
        }
        return (e.status() > 0 ? e.status() + ", " : "") + said;
    }

    /** The schema name setup gives a key: the publisher prefix, the table and its columns. */
    static String schemaName(SetupPlan.KeyState k) {
        return P2cColumn.PREFIX + k.table().logicalName() + "_" + String.join("_", k.need().columns());
    }

    /** The column to create, as p2c-columns.yaml declares it (its logical name is its schema name). */
    static MetadataClient.AttributeDefinition definition(P2cColumn column) {
        Map<Integer, String> options = column.column().options();
        return new MetadataClient.AttributeDefinition(column.column().logicalName(), column.column().type().attributeType(),
                column.label(), column.description(), column.column().maxLength(), column.format(), options);
    }

    private static String describe(SetupPlan.ColumnState c) {
        P2cColumn column = c.need().column();
        String type = c.expectedType();
        return switch (type) {
            case "Picklist" -> type + ", " + column.column().options().size() + " options";
            case "String" -> type + "(" + column.column().maxLength() + ")";
            case "DateTime" -> type + ", " + column.format();
            default -> type;
        };
    }

    private static SetupLine there(SetupPlan.ColumnState c) {
        return line(SetupLine.Verb.THERE, c, describe(c));
    }

    private static SetupLine conflict(SetupPlan.ColumnState c) {
        return line(SetupLine.Verb.FAILED, c, "the org has it as a " + c.existing().get().attributeType() + ", the"
                + " mappings need a " + c.expectedType() + " (" + describe(c) + "); setup does not change existing"
                + " columns");
    }

    private static SetupLine line(SetupLine.Verb verb, SetupPlan.ColumnState c, String detail) {
        return new SetupLine(verb, "column " + c.need().name(), detail, c.need().usedAt());
    }

    private static SetupLine line(SetupLine.Verb verb, SetupPlan.KeyState k, String detail) {
        return new SetupLine(verb, "key " + k.need().name(), detail, k.need().usedAt());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ODataException("interrupted while waiting for the key indexes", 0, e);
        }
    }
}
