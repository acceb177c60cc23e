package org.p2csync.state;

import java.util.List;

/**
 * One numbered schema step. Statements use IF NOT EXISTS so that a step half-applied by a concurrent starter (H2
 * cannot roll DDL back) can simply be applied again.
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        statements = List.copyOf(statements);
    }
}
