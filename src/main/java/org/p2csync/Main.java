package org.p2csync;

import org.p2csync.cli.P2cCommand;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = P2cCommand.execute(args);
        // Exit only on failure: a System.exit(0) would also end a host JVM such as `mvn exec:java`.
        if (code != 0) {
            System.exit(code);
        }
    }
}
