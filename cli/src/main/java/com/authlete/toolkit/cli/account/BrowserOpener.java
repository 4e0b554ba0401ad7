package com.authlete.toolkit.cli.account;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Opens a URL with the platform's own opener when there is a display; says so when it could not. */
final class BrowserOpener {

    private BrowserOpener() {
    }

    static boolean open(URI url, Map<String, String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("mac")) {
            command = List.of("open", url.toString());
        } else if (os.contains("windows")) {
            command = List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
        } else if (!environment.getOrDefault("DISPLAY", "").isBlank() || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            command = List.of("xdg-open", url.toString());
        } else {
            return false; // No display (SSH, container, CI): the URL is printed instead.
        }
        try {
            Process opener = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return opener.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
