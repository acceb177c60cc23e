package org.p2csync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `errors`: the open errors of each area with the payload that failed, as text or as one JSON document. */
@Command(name = "errors", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "List the open errors (records that failed and were not written since) with area, record,"
                + " stage, reason, time and the payload that failed. Reads the state only; works while a sync runs.")
final class ErrorsCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 50;

    @Option(names = "--area", paramLabel = "NAME", description = "Only this area. Default: every area of mappings/.")
    String area;

    @Option(names = "--json", description = "One JSON document: {\"areas\": [{\"area\", \"open\", \"errors\": [...]}]}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "At most N errors per area, oldest first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws JsonProcessingException {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + ": at least 1");
        }
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        List<String> areas = MappedAreas.chosen(settings, area);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> document = new ArrayList<>();
        try (StateStore state = StateStore.open(settings.stateConfig())) {
            for (String a : areas) {
                long open = state.errors().countOpen(a);
                List<ErrorRow> rows = open == 0 ? List.of() : state.errors().open(a, limit);
                if (json) {
                    document.add(areaJson(a, open, rows));
                } else {
                    printText(out, a, open, rows);
                }
            }
        }
        if (json) {
            out.println(mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("areas", document)));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> areaJson(String area, long open, List<ErrorRow> rows) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("area", area);
        a.put("open", open);
        a.put("errors", rows.stream().map(this::errorJson).toList());
        return a;
    }

    /** The payload as the JSON it was recorded as; a payload that is not JSON stays text. */
    private Map<String, Object> errorJson(ErrorRow e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("record", e.recordKey());
        row.put("sourceId", e.sourceId());
        row.put("stage", e.stage());
        row.put("reason", e.reason());
        row.put("time", String.valueOf(e.createdAt()));
        row.put("runId", e.runId());
        row.put("payload", payload(e.payload()));
        return row;
    }

    private Object payload(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node == null ? text : node;
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }

    private static void printText(PrintWriter out, String area, long open, List<ErrorRow> rows) {
        out.printf("%s: %d open error(s)%n", area, open);
        for (ErrorRow e : rows) {
            out.printf("  %s  %s  %s failed: %s%n", e.createdAt(), e.recordKey(), e.stage(), e.reason());
            out.printf("    payload: %s%n", e.payload() == null ? "(none recorded)" : e.payload());
        }
        if (open > rows.size()) {
            out.printf("  ... and %d more (--limit)%n", open - rows.size());
        }
    }
}
