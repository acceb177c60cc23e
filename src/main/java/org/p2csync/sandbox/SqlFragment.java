package org.p2csync.sandbox;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with its bound parameters; values never enter the SQL text. */
record SqlFragment(String sql, List<Object> params) {
    static final SqlFragment TRUE = new SqlFragment("1=1", List.of());

    SqlFragment {
        params = List.copyOf(params);
    }

    static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, java.util.Arrays.asList(params));
    }

    SqlFragment and(SqlFragment other) {
        return join(" AND ", other);
    }

    SqlFragment or(SqlFragment other) {
        return join(" OR ", other);
    }

    SqlFragment not() {
        return new SqlFragment("NOT (" + sql + ")", params);
    }

    private SqlFragment join(String op, SqlFragment other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment("(" + sql + ")" + op + "(" + other.sql + ")", all);
    }
}
