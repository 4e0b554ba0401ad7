package com.authlete.toolkit.cli;

import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.transport.ServerSelection;
import java.net.URI;
import java.util.List;

/** The API base URL the settings ask for: {@code server-url}, else the {@code server} index, else the first server. */
public final class ServerChoice {

    private ServerChoice() {
    }

    public static URI baseUrl(Settings settings, List<String> servers) throws CliException {
        Integer index = null;
        String server = settings.get("server").orElse(null);
        String serverUrl = settings.get("server-url").orElse(null);
        if (server != null) {
            try {
                index = Integer.valueOf(server.strip());
            } catch (NumberFormatException e) {
                throw CliException.usage("--server expects 0 (us), 1 (jp), 2 (eu) or 3 (br), got '" + server + "'");
            }
        }
        try {
            return ServerSelection.resolve(serverUrl, index, servers);
        } catch (IllegalArgumentException e) {
            String flag = serverUrl != null && !serverUrl.isBlank() ? "--server-url" : "--server";
            throw CliException.usage(flag + ": " + e.getMessage());
        }
    }
}
