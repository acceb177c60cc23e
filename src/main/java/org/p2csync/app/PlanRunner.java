package org.p2csync.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;
import org.p2csync.flow.AreaRuns;
import org.p2csync.flow.FlowComponent;
import org.p2csync.mapping.LookupRef;
import org.p2csync.mapping.Mappings;
import org.p2csync.state.StateConfig;
import org.p2csync.state.StateStore;
import org.p2csync.sync.RequestCounter;

/**
 * The {@code plan} command's dry run: the same routes, source reads, cursors, mappings and skip-unchanged check as a
 * sync, in dependency order, with target endpoints that compare instead of writing ({@code ODataComponent.planning})
 * and a last stage that hands each page to the {@link PlanReport} instead of committing it. The state is read, never
 * written: no run, hash, cursor, error or waiting record changes.
 */
public final class PlanRunner {
    private PlanRunner() {}

    /**
     * @param asked the areas to plan; empty for every routed area
     * @param limit records compared and listed per area
     * @throws ConfigurationException as a sync's start would (mappings, routes, setup, $metadata), or for an area
     *     without a route
     */
    public static Planned plan(Settings settings, Endpoints endpoints, List<String> asked, int limit)
            throws Exception {
        Mappings catalog = MappingFiles.load(settings.mappingsDir());
        Connectors connectors = Connectors.planning(endpoints, new RequestCounter());
        SetupRunner.requireReady(settings, connectors, catalog);
        MappingFiles.validate(catalog, connectors.catalogs());
        PlanReport report = new PlanReport(catalog, limit);
        try (StateStore state = open(settings, report)) {
            Main main = CamelRoutes.create(settings, Map.of(
                    "dataverse", connectors.crmComponent(),
                    "fno", connectors.erpComponent(),
                    "p2c", FlowComponent.planning(catalog, state, report),
                    "p2cAreas", catalog,
                    "p2cAreaReader", AreaRuns.planning(catalog, state, report),
                    "p2cChangePlan", report), false);
            main.start();
            try {
                List<String> routed = AreaOrder.sort(SyncRuntime.routedAreas(main.getCamelContext(), catalog),
                        area -> catalog.mapping(area).lookups().stream().map(LookupRef::area)
                                .collect(Collectors.toSet()));
                List<String> areas = selected(routed, asked);
                for (String area : areas) {
                    CamelRoutes.poller(main.getCamelContext(), area).run();
                    if (!report.began(area)) {
                        throw new IllegalStateException("the plan of area '" + area + "' did not start; see the log");
                    }
                }
                return new Planned(report, areas);
            } finally {
                main.stop();
            }
        }
    }

    /** A finished plan: its report, and the areas planned in the order they were. */
    public record Planned(PlanReport report, List<String> areas) {
        /** True when every area's source was read to its end. */
        public boolean complete() {
            return areas.stream().allMatch(report::completed);
        }
    }

    private static List<String> selected(List<String> routed, List<String> asked) {
        for (String area : asked) {
            if (!routed.contains(area)) {
                throw new ConfigurationException("--area " + area + ": no such area; areas with a route: " + routed);
            }
        }
        return asked.isEmpty() ? routed : routed.stream().filter(asked::contains).toList();
    }

    /**
     * The state a sync would use. Where the H2 file does not exist yet, an empty state in memory instead: the plan of
     * a first sync, and no file created.
     */
    private static StateStore open(Settings settings, PlanReport report) {
        Path file = settings.dataDir().resolve("state.mv.db");
        if (settings.stateDatabase().isEmpty() && !Files.exists(file)) {
            report.note("plan: no state database yet (" + file.toAbsolutePath() + "): planned as a first sync, from"
                    + " the start of every source");
            return StateStore.open(new StateConfig("jdbc:h2:mem:p2c-plan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", ""));
        }
        return StateStore.open(settings.stateConfig());
    }
}
