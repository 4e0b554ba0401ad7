package com.authlete.toolkit.credentials;

import com.authlete.toolkit.core.Servers;
import com.authlete.toolkit.transport.ServerSelection;
import java.net.URI;
import java.util.List;

/**
 * The API base URL the settings ask for. {@code server} (an index or a cluster name such as {@code jp}) and
 * {@code server-url} are ranked by where they were given (flag > environment > link file > profile); given at the
 * same level, the URL wins. Without either, the first server. Bad values are {@link IllegalArgumentException}s
 * whose message names the flag.
 */
public final class ServerChoice {

    private ServerChoice() {}

    public static URI baseUrl(Settings settings, List<String> servers) {
        String server = settings.get("server").orElse(null);
        String serverUrl = settings.get("server-url").orElse(null);
        // Checked even when a URL wins, so that a mistyped --server is never silently ignored.
        Integer index = server == null ? null : index(server, servers);
        boolean urlWins = winningKey(settings).equals("server-url");
        try {
            return ServerSelection.resolve(urlWins ? serverUrl : null, index, servers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((urlWins ? "--server-url" : "--server") + ": " + e.getMessage());
        }
    }

    /** Which setting names the server: {@code server-url} when given at least as strongly as {@code server}. */
    public static String winningKey(Settings settings) {
        return settings.get("server-url").isPresent() && settings.rank("server-url") >= settings.rank("server")
                ? "server-url"
                : "server";
    }

    /** The index of a server given as an index or as the first label of its host name ({@code us}, {@code jp}). */
    public static int index(String server, List<String> servers) {
        return Servers.find(server, servers)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--server expects " + Servers.choices(servers) + ", got '" + server + "'"));
    }

    /** Each server's short name: the first label of its host ({@code https://jp.authlete.com} is {@code jp}). */
    public static List<String> names(List<String> servers) {
        return Servers.names(servers);
    }
}
