package org.p2csync.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p2csync.mapping.MappingException;
import org.p2csync.mapping.Mappings;
import org.p2csync.schema.RealSchemaCatalog;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.RequestCounter;

/**
 * The {@code validate} command's checks, without syncing and without a state database or data folder: the mappings
 * load, the routes name mapped areas with their mappings' endpoints, and every mapping passes the metadata of the
 * services it reads and writes: the live services' {@code $metadata} (the same catalogs and check the sync makes at
 * start, after the same check for what setup must create), or, offline, the real schemas shipped in the jar.
 */
public final class Validation {
    private Validation() {}

    /**
     * What was checked and what is wrong.
     *
     * @param problems each as {@code file:line: message} (or {@code file: message} where no line applies)
     * @param against what the mappings were checked against, for the summary line
     */
    public record Report(List<String> problems, int mappings, int routes, String against) {
        public Report {
            problems = List.copyOf(problems);
        }

        public int exitCode() {
            return problems.isEmpty() ? 0 : 1;
        }

        public void print(PrintWriter out) {
            problems.forEach(out::println);
            out.println(problems.isEmpty()
                    ? "validate: " + mappings + " mappings and " + routes + " routes check out against " + against
                    : "validate: " + problems.size() + " problem(s) in the mappings and routes, checked against "
                            + against);
            out.flush();
        }
    }

    /** Against the real Dataverse and F&amp;O schemas the jar ships: no service, no network. */
    public static Report offline(Settings settings) {
        Map<String, FieldCatalog> catalogs = Map.of(
                "crm", RealSchemaCatalog.crm(ShippedSchemas.get()),
                "erp", RealSchemaCatalog.erp(ShippedSchemas.get()));
        return check(settings, mappings -> catalogs, "the real schemas shipped in the jar (offline)");
    }

    /**
     * Against the services' {@code $metadata}. A CRM lacking what setup creates is one problem naming it (the
     * mapping check would only repeat it as unknown fields).
     *
     * @throws ConfigurationException when a service's metadata cannot be read at all
     */
    public static Report live(Settings settings, Endpoints endpoints) {
        Connectors connectors = Connectors.create(endpoints, new RequestCounter());
        List<String> lacking = new ArrayList<>();
        Report report = check(settings, mappings -> {
            Optional<String> missing = SetupRunner.lacking(settings, connectors, mappings);
            missing.ifPresent(lacking::add);
            return missing.isPresent() ? null : connectors.catalogs();
        }, "the services' $metadata (" + endpoints.crm().url() + ", " + endpoints.erp().url() + ")");
        if (lacking.isEmpty()) {
            return report;
        }
        List<String> problems = new ArrayList<>(lacking);
        problems.addAll(report.problems());
        return new Report(problems, report.mappings(), report.routes(), report.against());
    }

    /** How the catalogs are had once the mappings loaded; null when the mappings cannot be checked. */
    private interface Catalogs {
        Map<String, FieldCatalog> of(Mappings mappings);
    }

    private static Report check(Settings settings, Catalogs catalogs, String against) {
        if (!java.nio.file.Files.isDirectory(settings.mappingsDir())) {
            return new Report(List.of(settings.mappingsDir() + ": mappings folder does not exist (set p2c.mappings)"),
                    0, 0, against);
        }
        Mappings mappings;
        try {
            mappings = Mappings.load(settings.mappingsDir());
        } catch (MappingException e) {
            // the routes and the metadata check need loaded mappings: what failed to load is what to fix first
            return new Report(MappingFiles.problems(e), 0, 0, against);
        }
        List<String> problems = new ArrayList<>();
        RouteFiles.Check routes = RouteFiles.check(settings.routesDir(), mappings);
        problems.addAll(routes.problems());
        Map<String, FieldCatalog> found = catalogs.of(mappings);
        if (found != null) {
            problems.addAll(mappings.problems(found));
        }
        return new Report(problems, mappings.areas().size(), routes.routedAreas().size(), against);
    }
}
