package org.p2csync.setup;

import java.util.List;

/**
 * What setup did or found for one column or key: one line of its report.
 *
 * @param what e.g. {@code column salesorder.p2c_processingstatus} or {@code key accounts(accountnumber)}
 * @param detail what it is or what happened (type, index state, the service's refusal), may be empty
 * @param usedAt the mapping lines that need it
 */
public record SetupLine(Verb verb, String what, String detail, List<String> usedAt) {
    /** How the line starts. */
    public enum Verb {
        CREATED("created"),
        THERE("already there"),
        MISSING("missing"),
        NOT_ACTIVE("not Active"),
        FAILED("failed");

        private final String text;

        Verb(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** True when the org is not where the mappings need it afterwards. */
        public boolean lacking() {
            return this == MISSING || this == NOT_ACTIVE || this == FAILED;
        }
    }

    public SetupLine {
        usedAt = List.copyOf(usedAt);
    }

    /** {@code created        column salesorder.p2c_origin: Picklist, 2 options (orders.yaml:33, ...)}. */
    public String render() {
        StringBuilder line = new StringBuilder(String.format("%-14s %s", verb.text(), what));
        if (!detail.isEmpty()) {
            line.append(": ").append(detail);
        }
        if (!usedAt.isEmpty()) {
            line.append(" (").append(String.join(", ", usedAt)).append(")");
        }
        return line.toString();
    }
}
