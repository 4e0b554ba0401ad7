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
        String answer;
        try {
            answer = line(err, answers, question + " [y/N] ");
        } catch (IOException e) {
            answer = null;
        }
        return answer != null
                && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /**
     * Prints {@code prompt} on {@code err} and reads one line; null at the end of input. Ctrl-D or Ctrl-C while it
     * waits ends the line, so that the shell's prompt starts on a new one.
     */
    public static String line(PrintStream err, BufferedReader answers, String prompt) throws IOException {
        err.print(prompt);
        err.flush();
        Thread newline = new Thread(() -> {
            err.println();
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(newline);
        try {
            String answer = answers.readLine();
            if (answer == null) {
                err.println();
            }
            return answer;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(newline);
            } catch (IllegalStateException shuttingDown) {
                // Already running: it prints its newline.
            }
        }
    }
}
