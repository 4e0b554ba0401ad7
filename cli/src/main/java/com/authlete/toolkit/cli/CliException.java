package com.authlete.toolkit.cli;

/** A failure the command line reports as one line with a given exit code. */
public final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
