package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.credentials.Tokens;
import com.github.rvesse.airline.annotations.Option;
import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The ways to hand over a new token; argv is the least safe and says so. */
public final class TokenInput {

    @Option(name = "--token-stdin", description = "Read the token from standard input (recommended for scripts).")
    boolean stdin;

    @Option(name = "--token-file", title = "file", description = "Read the token from a file.")
    String file;

    @Option(
            name = "--token",
            title = "token",
            description = "The token itself (visible to other users in the process list: prefer --token-stdin).")
    String inline;

    boolean given() {
        return stdin || file != null || inline != null;
    }

    /** The token, normalised; null when none was given and there is no terminal to ask on. */
    String read(CommandContext context, boolean askOnTerminal) throws CliException {
        if ((stdin ? 1 : 0) + (file != null ? 1 : 0) + (inline != null ? 1 : 0) > 1) {
            throw CliException.usage("give the token one way: --token-stdin, --token-file or --token");
        }
        String raw;
        if (inline != null) {
            context.err()
                    .println("warning: a token on the command line is visible to other users of this machine; "
                            + "prefer --token-stdin or --token-file");
            raw = inline;
        } else if (file != null) {
            try {
                raw = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw CliException.usage("--token-file: no such file: " + file);
            } catch (IOException e) {
                throw CliException.usage("--token-file: cannot read " + file + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        } else if (stdin) {
            try {
                raw = context.lines().readLine();
            } catch (IOException e) {
                throw CliException.usage("cannot read the token from standard input: " + e.getMessage());
            }
        } else if (askOnTerminal && context.terminal().stdinIsTerminal()) {
            raw = askHidden(context);
        } else {
            return null;
        }
        String token = Tokens.normalize(raw);
        if (token == null) {
            throw CliException.usage("the token is empty");
        }
        return token;
    }

    /**
     * On a terminal, with a token already stored: asks with the stored one shown masked; Enter keeps it (null).
     */
    String readOrKeep(CommandContext context, String storedMasked) throws CliException {
        String raw = askHidden(context, "Token (input hidden) [keep " + storedMasked + "]: ");
        return raw == null || raw.isBlank() ? null : normalized(raw);
    }

    private static String normalized(String raw) throws CliException {
        String token = Tokens.normalize(raw);
        if (token == null) {
            throw CliException.usage("the token is empty");
        }
        return token;
    }

    /** Hidden input: the token is never echoed. */
    private static String askHidden(CommandContext context) throws CliException {
        return askHidden(context, "Token (input hidden): ");
    }

    private static String askHidden(CommandContext context, String prompt) throws CliException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        // No Console (standard output redirected): switch the terminal's echo off ourselves while the token is typed.
        boolean echoOff = stty("-echo");
        context.err().print(prompt);
        context.err().flush();
        try {
            return context.lines().readLine();
        } catch (IOException e) {
            throw CliException.usage("cannot read the token: " + e.getMessage());
        } finally {
            if (echoOff) {
                stty("echo");
                context.err().println();
            }
        }
    }

    private static boolean stty(String setting) {
        try {
            Process stty = new ProcessBuilder("stty", setting)
                    .redirectInput(new File("/dev/tty"))
                    .redirectErrorStream(true)
                    .start();
            stty.getInputStream().readAllBytes();
            return stty.waitFor() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
