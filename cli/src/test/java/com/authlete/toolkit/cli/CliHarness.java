package com.authlete.toolkit.cli;

import com.authlete.toolkit.cli.app.Cli;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process with a chosen environment and stdin, capturing exit status and output. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {}

    private final Map<String, String> environment = new HashMap<>();
    private final Path home;
    private Path workingDirectory;

    /** Every harness gets its own config folder and working directory, and no OS keychain. */
    CliHarness() {
        try {
            home = TempDirs.create("authlete-home");
            workingDirectory = Files.createDirectories(home.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("AUTHLETE_KEYCHAIN", "none");
    }

    Path configFile() {
        return home.resolve("config/authlete/config.yaml");
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    CliHarness in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    private String stdin = "";
    private boolean stdinIsTerminal = true;
    private boolean stdoutIsTerminal;
    private boolean stderrIsTerminal;

    /** Standard input is a terminal on which the user types {@code text}. */
    CliHarness terminalInput(String text) {
        this.stdin = text;
        this.stdinIsTerminal = true;
        return this;
    }

    /** Pretends that standard error is a terminal. */
    CliHarness terminalErrors() {
        this.stderrIsTerminal = true;
        return this;
    }

    /** Pretends that standard output is a terminal. */
    CliHarness terminalOutput() {
        this.stdoutIsTerminal = true;
        return this;
    }

    CliHarness env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Feeds text on a non-terminal stdin, as a pipe would. */
    CliHarness pipe(String text) {
        this.stdin = text;
        this.stdinIsTerminal = false;
        return this;
    }

    private boolean shared;
    private boolean closedOutput;

    /** Standard output is a pipe whose reader has gone ({@code | head -c0}): every write fails. */
    CliHarness closedOutput() {
        this.closedOutput = true;
        return this;
    }

    /** Standard output and standard error are one terminal, as in an interactive shell: both land in {@code out}. */
    CliHarness sharedTerminal() {
        this.stdoutIsTerminal = true;
        this.stderrIsTerminal = true;
        this.shared = true;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = shared ? out : new ByteArrayOutputStream();
        // On a shared terminal, standard output is buffered as Main buffers it, so that what the CLI forgets to flush
        // before a question shows up after it, as it would for a person.
        PrintStream stdout = shared
                ? new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8)
                : new PrintStream(closedOutput ? new BrokenPipe() : out, true, StandardCharsets.UTF_8);
        int status = new Cli(
                        environment,
                        new Terminal(stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal),
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        stdout,
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        workingDirectory)
                .run(args);
        stdout.flush();
        return new Result(
                status, out.toString(StandardCharsets.UTF_8), shared ? "" : err.toString(StandardCharsets.UTF_8));
    }

    /** A pipe whose reader has gone. */
    private static final class BrokenPipe extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }
    }
}
