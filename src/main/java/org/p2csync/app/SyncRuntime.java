package org.p2csync.app;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p2csync.flow.AlertNotifier;
import org.p2csync.flow.AlertRuleCheck;
import org.p2csync.flow.AreaRuns;
import org.p2csync.flow.FlowComponent;
import org.p2csync.flow.RunLedger;
import org.p2csync.flow.RunListener;
import org.p2csync.flow.RunSummary;
import org.p2csync.mapping.LookupRef;
import org.p2csync.mapping.Mappings;
import org.p2csync.state.StateStore;
import org.p2csync.sync.PausedAreas;
import org.p2csync.sync.RequestCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * p2c-sync as a running Camel application: state store, the CRM checked for the columns and keys the mappings need
 * (setup), mappings checked against both services' metadata, the connector and stage components, and the routes of routes/*.camel.yaml built from the one template.
 */
public final class SyncRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRuntime.class);

    private final Main main;
    private final StateStore state;
    private final RunLedger ledger;
    private final List<String> areas;
    private final Map<String, RunSummary> lastRun = new ConcurrentHashMap<>();
    private final Optional<OperationsServer> operations;

    private SyncRuntime(Main main, StateStore state, RunLedger ledger, List<String> areas,
            Optional<OperationsServer> operations) {
        this.main = main;
        this.state = state;
        this.ledger = ledger;
        this.areas = areas;
        this.operations = operations;
        ledger.addListener(s -> lastRun.put(s.area(), s));
    }

    /**
     * Starts everything. With {@code scheduled} false the routes start idle and {@link #runOnce} drives them; with
     * {@code scheduled} true the operations HTTP server (status page, health, metrics) serves too, unless
     * {@code p2c.http.enabled=false}: a run of `--once` is over before anyone could look.
     *
     * @throws ConfigurationException when a setting, a mapping or a route is wrong, before any record moves
     */
    public static SyncRuntime start(Settings settings, Endpoints endpoints, boolean scheduled,
            List<RunListener> listeners) throws Exception {
        RouteFiles.require(settings.routesDir());
        return start(settings, StateStore.openForSync(settings.stateConfig()), endpoints, scheduled, listeners);
    }

    /**
     * As {@link #start(Settings, Endpoints, boolean, List)} on a state the caller opened for this sync
     * ({@link StateStore#openForSync}, taken before anything else starts); the runtime closes it.
     */
    public static SyncRuntime start(Settings settings, StateStore state, Endpoints endpoints, boolean scheduled,
            List<RunListener> listeners) throws Exception {
        try {
            RequestCounter counter = new RequestCounter();
            Connectors connectors = Connectors.create(endpoints, counter);
            Mappings catalog = MappingFiles.load(settings.mappingsDir());
            // before the $metadata check: a fresh org lacks the p2c_ columns, and "run setup" is the fix to name
            SetupRunner.requireReady(settings, connectors, catalog);
            MappingFiles.validate(catalog, connectors.catalogs());
            RunLedger ledger = new RunLedger(state.runs(), counter);
            listeners.forEach(ledger::addListener);
            state.alertRules().store(settings.alerts().rulesFor(catalog.areas()));
            ledger.addListener(new AlertRuleCheck(state.alertRules(), state.errors(), state.pauses(),
                    settings.alerts().webhook().<AlertNotifier>map(AlertWebhook::new).orElse(AlertNotifier.NONE),
                    Clock.systemUTC()));

            Main main = CamelRoutes.create(settings, Map.of(
                    "dataverse", connectors.crmComponent(),
                    "fno", connectors.erpComponent(),
                    "p2c", new FlowComponent(catalog, state, ledger),
                    "p2cAreas", catalog,
                    "p2cAreaReader", AreaRuns.of(catalog, state, ledger),
                    "p2cWrittenPayloads", state.writtenPayloads()), scheduled);
            Optional<OperationsServer> operations = scheduled && settings.http().enabled()
                    ? Optional.of(OperationsServer.configure(main, settings.http(), state, counter, ledger))
                    : Optional.empty();
            main.start();
            List<String> routed = routedAreas(main.getCamelContext(), catalog);
            LOG.info("p2c-sync started: areas {} ({}), state in {}", routed, scheduled ? "on their schedules" : "once",
                    settings.stateDatabase().map(Object::toString).orElse(settings.dataDir().toString()));
            List<String> ordered = AreaOrder.sort(routed, area -> catalog.mapping(area).lookups()
                    .stream().map(LookupRef::area).collect(Collectors.toSet()));
            operations.ifPresent(o -> o.started(main.getCamelContext(), ordered));
            return new SyncRuntime(main, state, ledger, ordered, operations);
        } catch (Exception | Error e) {
            state.close();
            throw e;
        }
    }

    /** Areas that have a route, in dependency order. */
    public List<String> areas() {
        return areas;
    }

    /** Runs one area now, in this thread, and returns its summary. */
    public RunSummary runOnce(String area) {
        if (!areas.contains(area)) {
            throw new ConfigurationException("unknown area '" + area + "'; areas with a route: " + areas);
        }
        ScheduledPollConsumer consumer = CamelRoutes.poller(main.getCamelContext(), area);
        lastRun.remove(area);
        consumer.run();
        RunSummary summary = lastRun.get(area);
        if (summary == null) {
            throw new IllegalStateException("the run of area '" + area + "' did not start; see the log above");
        }
        return summary;
    }

    /** Where the status page, /observe/health and /observe/metrics answer; empty when no server runs. */
    public Optional<URI> httpUrl() {
        return operations.map(OperationsServer::url);
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public StateStore state() {
        return state;
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            state.close();
        }
    }

    /** The mapped areas that have a route. */
    static List<String> routedAreas(CamelContext context, Mappings catalog) {
        List<String> routed = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (catalog.areas().contains(route.getRouteId())) {
                routed.add(route.getRouteId());
            }
        }
        return routed;
    }
}
