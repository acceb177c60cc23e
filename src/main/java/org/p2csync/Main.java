package org.p2csync;

import org.p2csync.cli.P2cCommand;
import org.p2csync.state.StateStore;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // before H2 loads (the sandbox uses it too): a running sync serves its state to status on loopback only
        StateStore.preferLoopback();
        int code = P2cCommand.execute(args);
        // Exit only on failure: a System.exit(0) would also end a host JVM such as `mvn exec:java`.
        if (code != 0) {
            System.exit(code);
        }
    }
}
