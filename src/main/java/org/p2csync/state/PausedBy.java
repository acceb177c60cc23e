package org.p2csync.state;

import java.util.Locale;

/** Who paused an area: an operator (`pause`, the status page) or the area's alert rule. */
public enum PausedBy {
    OPERATOR,
    RULE;

    /** The word stored and shown: operator, rule. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PausedBy of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
