package org.p2csync.setup;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What setup (or {@code setup --check}) found and did, printed one line per column and key, then the mappings'
 * check against both services' $metadata, what to do by hand and a summary. Exit code 0 when the org has everything
 * the mappings need (and they validate), 1 otherwise.
 */
public record SetupReport(boolean checkOnly, String crmUrl, String erpUrl, List<SetupLine> columns,
                          List<SetupLine> keys, List<String> problems, int mappingCount, List<String> manual) {
    /** The command that brings the org there, as messages name it. */
    public static final String COMMAND = "java -jar target/p2c-sync.jar setup";

    public SetupReport {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
        manual = List.copyOf(manual);
    }

    public int exitCode() {
        return problems.isEmpty() && columns.stream().noneMatch(l -> l.verb().lacking())
                && keys.stream().noneMatch(l -> l.verb().lacking()) ? 0 : 1;
    }

    /** True when the org had everything already: nothing was created and nothing is missing. */
    public boolean changedNothing() {
        return exitCode() == 0 && count(SetupLine.Verb.CREATED) == 0;
    }

    /** Every line the report prints, in order. */
    public List<String> lines() {
        return lines(true);
    }

    /** The report's lines; without {@code byHand} the list of what to do by hand is left out (a sandbox needs none). */
    public List<String> lines(boolean byHand) {
        List<String> out = new ArrayList<>();
        out.add("CRM " + crmUrl);
        out.add("  p2c_ columns the mappings use (p2c-columns.yaml):");
        if (columns.isEmpty()) {
            out.add("    none");
        }
        columns.forEach(l -> out.add("    " + l.render()));
        out.add("  alternate keys the mappings address records by:");
        if (keys.isEmpty()) {
            out.add("    none");
        }
        keys.forEach(l -> out.add("    " + l.render()));
        out.add("ERP " + erpUrl);
        out.add("  the mappings against both services' $metadata" + (checkOnly ? " (the CRM's with the missing p2c_"
                + " columns as setup would create them)" : "") + ":");
        if (problems.isEmpty()) {
            out.add("    " + String.format("%-14s %s", "checked", "the " + mappingCount + " mappings: every entity set"
                    + " and field they use exists"));
        }
        problems.forEach(p -> out.add("    " + String.format("%-14s %s", "failed", p)));
        if (byHand) {
            out.add("By hand (setup cannot check these; README, \"What an administrator grants\"):");
            manual.forEach(m -> out.add("  - " + m));
        }
        out.add(summary());
        return out;
    }

    public void print(PrintWriter out) {
        lines().forEach(out::println);
        out.flush();
    }

    /** E.g. "setup: 13 needed (6 columns, 7 alternate keys): 13 created, 0 already there, 0 failed". */
    public String summary() {
        long created = count(SetupLine.Verb.CREATED);
        long there = count(SetupLine.Verb.THERE);
        long missing = count(SetupLine.Verb.MISSING) + count(SetupLine.Verb.NOT_ACTIVE);
        long failed = count(SetupLine.Verb.FAILED);
        String needed = (columns.size() + keys.size()) + " needed (" + columns.size() + " columns, " + keys.size()
                + " alternate keys)";
        String mappings = problems.isEmpty() ? "" : "; " + problems.size() + " mapping problem(s) above";
        if (checkOnly) {
            return missing + failed == 0 && problems.isEmpty()
                    ? "setup --check: " + needed + ", all there and Active; nothing to do"
                    : "setup --check: " + needed + ": " + there + " there, " + missing + " missing or not Active, "
                            + failed + " failed" + mappings + ": run `" + COMMAND + "`";
        }
        if (changedNothing()) {
            return "setup: nothing to change: the " + needed + " are all there and Active";
        }
        return "setup: " + needed + ": " + created + " created, " + there + " already there, " + failed + " failed"
                + (missing > 0 ? ", " + missing + " not Active yet" : "") + mappings;
    }

    private long count(SetupLine.Verb verb) {
        return columns.stream().filter(l -> l.verb() == verb).count() + keys.stream().filter(l -> l.verb() == verb)
                .count();
    }
}
