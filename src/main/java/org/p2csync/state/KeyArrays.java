package org.p2csync.state;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * A page's keys as one SQL array parameter. Long IN lists are evaluated row by row on H2 (seconds for a 5000-key
 * page); joining UNNEST(?) or comparing with = ANY(?) takes one statement in both databases and uses the key index.
 */
final class KeyArrays {
    private KeyArrays() {}

    static Array of(Connection connection, Collection<String> keys) throws SQLException {
        return connection.createArrayOf("varchar", new LinkedHashSet<>(keys).toArray(String[]::new));
    }
}
