package org.p2csync.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p2csync.flow.AreaRuns;
import org.p2csync.flow.FlowComponent;
import org.p2csync.flow.RunLedger;
import org.p2csync.flow.RunListener;
import org.p2csync.flow.RunSummary;
import org.p2csync.mapping.LookupRef;
import org.p2csync.mapping.Mappings;
import org.p2csync.state.StateStore;
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

    private SyncRuntime(Main main, StateStore state, RunLedger ledger, List<String> areas) {
        this.main = main;
        this.state = state;
        this.ledger = ledger;
        this.areas = areas;
        ledger.addListener(s -> lastRun.put(s.area(), s));
    }

    /**
     * Starts everything. With {@code scheduled} false the routes start idle and {@link #runOnce} drives them.
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

            Main main = new Main();
            main.bind("dataverse", connectors.crmComponent());
            main.bind("fno", connectors.erpComponent());
            main.bind("p2c", new FlowComponent(catalog, state, ledger));
            main.bind("p2cAreas", catalog);
            main.bind("p2cAreaReader", AreaRuns.of(catalog, state, ledger));
            main.bind("p2cWrittenPayloads", state.writtenPayloads());
            settings.configFile().ifPresent(f -> main.setPropertyPlaceholderLocations("file:" + f.toAbsolutePath()));
            main.addInitialProperty("camel.main.name", "p2c-sync");
            main.addInitialProperty("camel.main.routesIncludePattern",
                    "classpath:camel-template/*.camel.yaml,file:" + settings.routesDir().toAbsolutePath()
                            + "/*.camel.yaml");
            // With `--once` the Quartz scheduler stays in standby: the jobs exist but never fire, so only runOnce()
            // starts a run and no scheduled run can overlap it.
            main.addInitialProperty("camel.component.quartz.autoStartScheduler", String.valueOf(scheduled));
            main.start();
            List<String> routed = routedAreas(main.getCamelContext(), catalog);
            LOG.info("p2c-sync started: areas {} ({}), state in {}", routed, scheduled ? "on their schedules" : "once",
                    settings.stateDatabase().map(Object::toString).orElse(settings.dataDir().toString()));
            return new SyncRuntime(main, state, ledger, AreaOrder.sort(routed, area -> catalog.mapping(area).lookups()
                    .stream().map(LookupRef::area).collect(Collectors.toSet())));
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
        Route route = main.getCamelContext().getRoute(area);
        if (!(route.getConsumer() instanceof ScheduledPollConsumer consumer)) {
            throw new ConfigurationException("route '" + area + "' does not start at a polling source endpoint");
        }
        lastRun.remove(area);
        consumer.run();
        RunSummary summary = lastRun.get(area);
        if (summary == null) {
            throw new IllegalStateException("the run of area '" + area + "' did not start; see the log above");
        }
        return summary;
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

    private static List<String> routedAreas(CamelContext context, Mappings catalog) {
        List<String> routed = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (catalog.areas().contains(route.getRouteId())) {
                routed.add(route.getRouteId());
            }
        }
        return routed;
    }
}
