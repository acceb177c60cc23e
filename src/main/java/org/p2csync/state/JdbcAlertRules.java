package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Alert rules in the state database; the window is kept in whole seconds. */
final class JdbcAlertRules implements AlertRules {
    private final Transactions tx;
    private final Dialect dialect;
    private final Clock clock;

    JdbcAlertRules(Transactions tx, Dialect dialect, Clock clock) {
        this.tx = tx;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Override
    public void store(Collection<AlertRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        tx.inTransaction("store " + rules.size() + " alert rules", connection -> {
            try (PreparedStatement st = connection.prepareStatement(dialect.upsert("alert_rule", List.of("area"),
                    List.of("max_failed", "window_seconds", "updated_at")))) {
                for (AlertRule rule : rules) {
                    st.setString(1, rule.area());
                    st.setInt(2, rule.maxFailed());
                    st.setLong(3, rule.window().toSeconds());
                    DbTime.set(st, 4, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<AlertRule> rule(String area) {
        return tx.inTransaction("read the alert rule of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT * FROM alert_rule WHERE area = ?")) {
                st.setString(1, area);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(toRule(rs)) : Optional.<AlertRule>empty();
                }
            }
        });
    }

    @Override
    public List<AlertRule> all() {
        return tx.inTransaction("read the alert rules", connection -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT * FROM alert_rule ORDER BY area")) {
                List<AlertRule> rules = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rules.add(toRule(rs));
                    }
                }
                return rules;
            }
        });
    }

    private static AlertRule toRule(ResultSet rs) throws SQLException {
        return new AlertRule(rs.getString("area"), rs.getInt("max_failed"),
                Duration.ofSeconds(rs.getLong("window_seconds")));
    }
}
