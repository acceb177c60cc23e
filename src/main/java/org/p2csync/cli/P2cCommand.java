package org.p2csync.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `java -jar p2c-sync.jar`: with no command, the demo; otherwise one of the subcommands. */
@Command(
        name = "p2c-sync",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Failures.USAGE,
        version = "p2c-sync 0.1.0",
        description = "Prospect-to-cash sync between Dynamics 365 Sales (Dataverse) and Finance & Operations."
                + "%nWith no command: the demo (a built-in CRM and ERP sandbox with live activity, synced continuously).",
        subcommands = {SetupCommand.class, SyncCommand.class, StatusCommand.class, RetryCommand.class, SandboxCommand.class,
                ErrorsCommand.class, HistoryCommand.class, PauseCommand.class, ResumeCommand.class,
                ValidateCommand.class, PlanCommand.class, CommandLine.HelpCommand.class})
public final class P2cCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        return new DemoCommand().call();
    }

    /** Runs the command line and returns the exit code: 0 done, 1 configuration or usage error, 2 records failed. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, printing to the given writers (tests read what users would see). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new P2cCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures());
        return cli.execute(args);
    }
}
