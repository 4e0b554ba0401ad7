package com.authlete.toolkit.cli.app;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Long help on a terminal goes through a pager, as git and gh do: {@code $AUTHLETE_PAGER}, else {@code $PAGER},
 * else {@code less -FRX} (which prints text that fits one screen and quits). An empty value or {@code cat} turns
 * paging off; so does output that is not a terminal. The pager writes to the process's own standard output.
 */
final class Pager {

    private Pager() {}

    static void show(byte[] text, Map<String, String> environment, PrintStream out) {
        String command = environment
                .getOrDefault("AUTHLETE_PAGER", environment.getOrDefault("PAGER", "less -FRX"))
                .strip();
        out.flush();
        if (command.isEmpty() || command.equals("cat")) {
            out.write(text, 0, text.length);
            out.flush();
            return;
        }
        File messages = null;
        try {
            // The pager's complaints are held back: a shell saying "nosuchpager: not found" is not the help asked for.
            messages = File.createTempFile("authlete-pager", ".txt");
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.to(messages));
            builder.environment().putIfAbsent("LESS", "FRX");
            Process pager = builder.start();
            try (OutputStream in = pager.getOutputStream()) {
                in.write(text);
            } catch (IOException closedEarly) {
                // The reader quit (q in less) before reading everything, or never started reading.
            }
            if (pager.waitFor() != 0) {
                // Not found (127), PAGER=false, or it failed: the text is shown plainly rather than not at all.
                out.write(text, 0, text.length);
                out.flush();
            }
        } catch (IOException e) {
            out.write(text, 0, text.length); // no shell to run a pager with: print it plainly
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (messages != null && !messages.delete()) {
                messages.deleteOnExit();
            }
        }
    }
}
