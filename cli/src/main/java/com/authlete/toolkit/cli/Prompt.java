package com.authlete.toolkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/** The CLI's one yes/no question on a terminal: asked on standard error; anything but y or yes is no. */
public final class Prompt {

    private Prompt() {}

    /**
     * Prints {@code question} and " [y/N] " on {@code err}, and reads one line of {@code answers}. What was written
     * to {@code out} before (a plan, a diff) is flushed first, so that it shows before the question, not after the
     * answer. The end of input (Ctrl-D) is no, and ends the line so that the shell's prompt starts on a new one.
     */
    public static boolean yes(PrintStream out, PrintStream err, BufferedReader answers, String question) {
        out.flush();
        err.print(question + " [y/N] ");
        err.flush();
        String answer;
        Thread newline = new Thread(() -> {
            // Ctrl-C while asking: the shell's prompt would otherwise follow the question on the same line.
            err.println();
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(newline);
        try {
            answer = answers.readLine();
        } catch (IOException e) {
            answer = null;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(newline);
            } catch (IllegalStateException shuttingDown) {
                // Already running: it prints its newline.
            }
        }
        if (answer == null) {
            err.println();
        }
        return answer != null
                && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
