package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps as both databases store them: UTC, microsecond precision (PostgreSQL's), so values round-trip exactly. */
final class DbTime {
    private DbTime() {}

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void set(PreparedStatement st, int index, Instant instant) throws SQLException {
        st.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC));
    }

    static Instant get(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
