package org.p2csync.cli;

import org.p2csync.app.ConfigurationException;
import org.p2csync.mapping.MappingException;
import org.p2csync.state.StateInUseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns what stops a command into one clear message and exit code 1, without a stack trace for user errors. */
final class Failures implements IExecutionExceptionHandler {
    static final int USAGE = 1;
    static final int RECORDS_FAILED = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ConfigurationException)
                && !(cause instanceof MappingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConfigurationException || cause instanceof MappingException
                || cause instanceof IllegalArgumentException || cause instanceof StateInUseException) {
            cli.getErr().println("p2c-sync: " + cause.getMessage());
        } else {
            cli.getErr().println("p2c-sync: " + e);
            e.printStackTrace(cli.getErr());
        }
        return USAGE;
    }
}
