package com.authlete.toolkit.cli;

import java.io.File;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The width tables must fit: COLUMNS when set, else the terminal's own width; 0 (no limit) off a terminal. */
public final class TerminalWidth {

    private TerminalWidth() {}

    public static int of(Map<String, String> environment, boolean toTerminal) {
        String columns = environment.get("COLUMNS");
        if (columns != null) {
            try {
                int value = Integer.parseInt(columns.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // Fall through to asking the terminal.
            }
        }
        return toTerminal ? ask() : 0;
    }

    /** Asks stty about the controlling terminal; 80 when that fails. */
    private static int ask() {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes()).strip();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] parts = answer.split("\\s+");
                return Integer.parseInt(parts[1]);
            }
        } catch (Exception ignored) {
            // No terminal to ask: use the conventional width.
        }
        return 80;
    }
}
