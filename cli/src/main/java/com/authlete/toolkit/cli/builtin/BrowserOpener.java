package com.authlete.toolkit.cli.builtin;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Opens a URL with the platform's own opener when there is a display; says so when it could not. */
final class BrowserOpener {

    /** How long the opener may take before the login goes on waiting for the browser's answer. */
    static final Duration OPENER_WAIT = Duration.ofSeconds(3);

    private BrowserOpener() {}

    /**
     * Only a web address is handed to the opener: https, or http to this machine (the opener would also run
     * {@code file:} and other handlers, and take a leading dash as an option).
     */
    static boolean safeToOpen(URI url) {
        String text = url.toString();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        return !text.startsWith("-")
                && !host.isEmpty()
                && (scheme.equals("https") || (scheme.equals("http") && loopback))
                && text.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
    }

    /** The opener (and the browser it may start) has no business with our credentials or settings. */
    static void withoutCredentials(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("AUTHLETE_"));
    }

    static boolean open(URI url, Map<String, String> environment) {
        if (!safeToOpen(url)) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("mac")) {
            command = List.of("open", url.toString());
        } else if (os.contains("windows")) {
            command = List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
        } else if (!environment.getOrDefault("DISPLAY", "").isBlank()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            command = List.of("xdg-open", url.toString());
        } else {
            return false; // No display (SSH, container, CI): the URL is printed instead.
        }
        return run(command, OPENER_WAIT);
    }

    /**
     * Runs the opener, waiting at most {@code bound} for it: some openers stay until the browser they started
     * closes, and the login's own time limit (--wait) starts only once the address is out. One still running
     * then is taken as having opened the browser, and left to it.
     */
    static boolean run(List<String> command, Duration bound) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            withoutCredentials(builder.environment());
            Process opener = builder.start();
            opener.getOutputStream().close(); // nothing to read: an opener that asks gets end of input
            if (!opener.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            return opener.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
