package com.authlete.toolkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Whether standard input and output are terminals. The launcher script tells us (bash's {@code [ -t 0 ]} is
 * exact and portable); without it we ask the JVM and, on Linux, /proc.
 *
 * @param stdinIsTerminal  standard input is a terminal: never read a body from it
 * @param stdoutIsTerminal standard output is a terminal
 * @param stderrIsTerminal standard error is a terminal: progress lines are welcome
 */
public record Terminal(boolean stdinIsTerminal, boolean stdoutIsTerminal, boolean stderrIsTerminal) {

    public static Terminal detect() {
        boolean console = System.console() != null;
        return new Terminal(
                flag("authlete.stdin.tty", () -> console || procSaysTerminal(0)),
                flag("authlete.stdout.tty", () -> console || procSaysTerminal(1)),
                flag("authlete.stderr.tty", () -> procSaysTerminal(2)));
    }

    private static boolean flag(String property, BooleanSupplier fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback.getAsBoolean() : value.equals("1") || value.equalsIgnoreCase("true");
    }

    private static boolean procSaysTerminal(int fd) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
