package com.authlete.toolkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/** The CLI's one yes/no question on a terminal: asked on standard error; anything but y or yes is no. */
public final class Prompt {

    private Prompt() {}

    /** Prints {@code question} and " [y/N] ", and reads one line of {@code answers}. */
    public static boolean yes(PrintStream err, BufferedReader answers, String question) {
        err.print(question + " [y/N] ");
        err.flush();
        String answer;
        try {
            answer = answers.readLine();
        } catch (IOException e) {
            answer = null;
        }
        return answer != null
                && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
