package org.p2csync.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * The sync that holds a state database: where it runs and since when, so a second sync can say whom to stop.
 *
 * @param host the holder's host name
 * @param pid the holder's process id
 * @param since when it took the state database
 */
public record SyncHolder(String host, long pid, Instant since) {
    /** This process, now. */
    static SyncHolder current(Instant now) {
        return new SyncHolder(hostName(), ProcessHandle.current().pid(), now);
    }

    String describe() {
        return "host " + host + ", pid " + pid + ", since " + since;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
