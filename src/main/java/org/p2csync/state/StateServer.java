package org.p2csync.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sync's H2 state, served to readers on the same machine ({@code status}, {@code retry}) on a loopback
 * port only: no network interface listens. H2 binds its server sockets to the address in the system property
 * {@code h2.bindAddress}, read once when H2 first loads; the runnable jar sets it before anything else (see
 * {@link #BIND_PROPERTY}). When H2 was loaded with another address, the state is not served at all: readers then
 * wait for the sync to end, which is better than an open port.
 */
final class StateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateServer.class);
    static final String BIND_PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private final Server server;

    private StateServer(Server server) {
        this.server = server;
    }

    /** Sets H2's bind address to loopback unless H2 is already loaded or someone chose one. */
    static void preferLoopback() {
        if (System.getProperty(BIND_PROPERTY) == null) {
            System.setProperty(BIND_PROPERTY, LOOPBACK);
        }
    }

    /** Serves the open database files of this process on an ephemeral loopback port, if H2 binds to loopback. */
    static Optional<StateServer> start() {
        if (!boundToLoopback()) {
            LOG.warn("the state is not served to readers while this sync runs (status waits for it to end): H2 was"
                    + " loaded with {}={} instead of {}; start the JVM with -D{}={}", BIND_PROPERTY,
                    SysProperties.BIND_ADDRESS, LOOPBACK, BIND_PROPERTY, LOOPBACK);
            return Optional.empty();
        }
        try {
            // without -tcpAllowOthers H2 also refuses connections from other hosts; -ifExists: no new databases
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon").start();
            return Optional.of(new StateServer(server));
        } catch (SQLException e) {
            LOG.warn("the state is not served to readers while this sync runs: {}", e.getMessage());
            return Optional.empty();
        }
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static boolean boundToLoopback() {
        String address = SysProperties.BIND_ADDRESS;
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
