package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CommandTable;
import com.authlete.toolkit.cli.Terminal;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the built-in commands work with: the environment, the terminal, the streams and the working directory.
 * {@code lines} reads standard input line by line; everything that reads stdin shares it, so that no reader
 * swallows input buffered for the next question. {@code input} is standard input itself, for a command that
 * speaks a protocol on it (the MCP server) and never reads {@code lines}. {@code commands} is every command of the
 * CLI, for those that list them (completion).
 */
public record CommandContext(
        Map<String, String> environment,
        Terminal terminal,
        BufferedReader lines,
        PrintStream out,
        PrintStream err,
        Path workingDirectory,
        String version,
        InputStream input,
        CommandTable commands) {}
