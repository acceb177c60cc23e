package org.p2csync.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.Mappings;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The routes folder checked without starting Camel: every {@code templatedRoute} of the {@code p2c-area} template
 * names an area that has a mapping, under its own route id (the id {@code sync --area} runs), a source and a target
 * endpoint of the component and entity set the mapping reads and writes, and a schedule Quartz accepts. What Camel
 * would otherwise refuse at start, or find only at the first run ("area x reads y but the endpoint names z"), is a
 * {@code file:line: message} here. A missing or empty folder is refused before a sync starts ({@link #require}):
 * otherwise a sync would start, run no area and exit 0.
 */
public final class RouteFiles {
    static final String TEMPLATE = "p2c-area";
    /** The component each mapping system is registered under. */
    private static final Map<String, String> COMPONENTS = Map.of("crm", "dataverse", "erp", "fno");

    private RouteFiles() {}

    /** One checked folder: the areas it routes and what is wrong, as {@code file:line: message}. */
    record Check(List<String> routedAreas, List<String> problems) {}

    static Check check(Path dir, Mappings mappings) {
        List<String> problems = new ArrayList<>();
        List<String> routed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": routes folder does not exist (set p2c.routes)");
            return new Check(routed, problems);
        }
        List<Path> files = routeFiles(dir);
        if (files.isEmpty()) {
            problems.add(dir + ": no *.camel.yaml route in the routes folder: nothing would sync (set p2c.routes)");
        }
        for (Path file : files) {
            new OneFile(file, mappings, problems, routed).check();
        }
        return new Check(List.copyOf(routed), List.copyOf(problems));
    }

    /** The route files a sync runs, sorted; at least one, or a configuration error naming the folder. */
    public static List<Path> require(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("routes folder " + dir.toAbsolutePath() + " does not exist (set"
                    + " p2c.routes)");
        }
        List<Path> routes = routeFiles(dir);
        if (routes.isEmpty()) {
            throw new ConfigurationException("routes folder " + dir.toAbsolutePath() + " holds no *.camel.yaml"
                    + " file, so there is no area to sync (set p2c.routes)");
        }
        return routes;
    }

    private static List<Path> routeFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigurationException("cannot list the routes folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The checks of one route file, adding to the shared problem list. */
    private static final class OneFile {
        private final Path file;
        private final Mappings mappings;
        private final List<String> problems;
        private final List<String> routed;

        OneFile(Path file, Mappings mappings, List<String> problems, List<String> routed) {
            this.file = file;
            this.mappings = mappings;
            this.problems = problems;
            this.routed = routed;
        }

        void check() {
            Optional<Node> root;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeReader(in);
            } catch (MarkedYamlEngineException e) {
                int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
                problems.add(file + ":" + line + ": not valid YAML: " + e.getProblem());
                return;
            } catch (IOException e) {
                problems.add(file + ": cannot read: " + e.getMessage());
                return;
            }
            if (root.isEmpty() || !(root.get() instanceof SequenceNode list)) {
                add(root.orElse(null), "a route file is a YAML list (- templatedRoute: ...)");
                return;
            }
            for (Node entry : list.getValue()) {
                Map<String, Node> fields = fields(entry);
                Node templated = fields.get("templatedRoute");
                if (templated != null) {
                    templatedRoute(templated);
                }
            }
        }

        private void templatedRoute(Node node) {
            Map<String, Node> route = fields(node);
            String template = text(route.get("routeTemplateRef"));
            if (!TEMPLATE.equals(template)) {
                add(node, "templatedRoute of template '" + template + "': p2c-sync runs areas through the template "
                        + TEMPLATE + " only");
                return;
            }
            Map<String, Node> parameters = parameters(route.get("parameters"));
            Node areaNode = parameters.get("area");
            String area = text(areaNode);
            if (area == null) {
                add(node, "the route names no area (parameter 'area')");
                return;
            }
            String routeId = text(route.get("routeId"));
            if (!area.equals(routeId)) {
                add(route.getOrDefault("routeId", node), "routeId '" + routeId + "' is not its area '" + area
                        + "': sync --area and status name a route by its area");
            }
            if (!mappings.areas().contains(area)) {
                add(areaNode, "area '" + area + "' has no mapping (mappings/" + area + ".yaml); mapped areas: "
                        + new TreeSet<>(mappings.areas()));
                return;
            }
            routed.add(area);
            Mapping mapping = mappings.mapping(area);
            endpoint(parameters, "source", mapping.source().system(), mapping.source().entity(), node);
            endpoint(parameters, "target", mapping.target().system(), mapping.target().entity(), node);
            String schedule = text(parameters.get("schedule"));
            if (schedule != null && !CronExpression.isValidExpression(schedule)) {
                add(parameters.get("schedule"), "schedule '" + schedule + "' is not a Quartz cron expression"
                        + " (seconds minutes hours day-of-month month day-of-week, e.g. \"0/30 * * * * ?\")");
            }
        }

        /** {@code dataverse:accounts} for a mapping reading accounts from the crm, with any options after '?'. */
        private void endpoint(Map<String, Node> parameters, String name, String system, String entitySet, Node route) {
            Node node = parameters.get(name);
            String uri = text(node);
            String expected = COMPONENTS.getOrDefault(system, system) + ":" + entitySet;
            if (uri == null) {
                add(route, "the route names no " + name + " endpoint; its mapping says " + expected);
                return;
            }
            String bare = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            if (!bare.equals(expected)) {
                add(node, name + " '" + uri + "' does not match mappings/" + text(parameters.get("area"))
                        + ".yaml, which " + ("source".equals(name) ? "reads " : "writes ") + entitySet + " of the "
                        + system + ": use " + expected);
            }
        }

        private void add(Node node, String message) {
            int line = node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            problems.add(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
        }

        /** A template's parameters by name ({@code - name: area / value: accounts}), each as its value node. */
        private Map<String, Node> parameters(Node node) {
            Map<String, Node> byName = new LinkedHashMap<>();
            if (node instanceof SequenceNode list) {
                for (Node entry : list.getValue()) {
                    Map<String, Node> parameter = fields(entry);
                    String name = text(parameter.get("name"));
                    if (name != null && parameter.containsKey("value")) {
                        byName.put(name, parameter.get("value"));
                    }
                }
            }
            return byName;
        }

        private static Map<String, Node> fields(Node node) {
            Map<String, Node> fields = new LinkedHashMap<>();
            if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    String key = text(tuple.getKeyNode());
                    if (key != null) {
                        fields.put(key, tuple.getValueNode());
                    }
                }
            }
            return fields;
        }

        private static String text(Node node) {
            return node instanceof ScalarNode scalar ? scalar.getValue() : null;
        }
    }
}
