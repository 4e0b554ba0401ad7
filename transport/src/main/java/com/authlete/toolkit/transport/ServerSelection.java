package com.authlete.toolkit.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Chooses the base URL: an explicit URL wins over a server index, which wins over the first server. */
public final class ServerSelection {

    private ServerSelection() {}

    /**
     * @param serverUrl an explicit base URL, or null
     * @param index     an index into {@code servers}, or null
     * @param servers   the known base URLs, in index order
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL or the index is out of range
     */
    public static URI resolve(String serverUrl, Integer index, List<String> servers) {
        if (serverUrl != null && !serverUrl.isBlank()) {
            return parse(serverUrl.strip());
        }
        int chosen = index == null ? 0 : index;
        if (chosen < 0 || chosen >= servers.size()) {
            throw new IllegalArgumentException(
                    "server index " + chosen + " is out of range 0.." + (servers.size() - 1));
        }
        return parse(servers.get(chosen));
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("server URL must be an absolute http or https URL: " + text);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("server URL must not have a query or fragment: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server URL is malformed: " + text, e);
        }
    }
}
