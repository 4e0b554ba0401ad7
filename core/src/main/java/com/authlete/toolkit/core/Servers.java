package com.authlete.toolkit.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The API's clusters: named by the first label of their host ({@code https://jp.authlete.com} is {@code jp}) or by index. */
public final class Servers {

    private Servers() {}

    /**
     * The index of a server given as an index or as a cluster name.
     *
     * @throws IllegalArgumentException naming the choices when there is no such server
     */
    public static int index(String server, List<String> servers) {
        return find(server, servers)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the server must be " + choices(servers) + ", got '" + server + "'"));
    }

    /** The index of a server given as an index or as a cluster name, if there is one. */
    public static OptionalInt find(String server, List<String> servers) {
        String value = server.strip().toLowerCase(Locale.ROOT);
        int byName = names(servers).indexOf(value);
        if (byName >= 0) {
            return OptionalInt.of(byName);
        }
        try {
            int index = Integer.parseInt(value);
            if (index >= 0 && index < servers.size()) {
                return OptionalInt.of(index);
            }
        } catch (NumberFormatException e) {
            // not an index either
        }
        return OptionalInt.empty();
    }

    /** The choices in words: {@code 0 or us, 1 or jp, ...}. */
    public static String choices(List<String> servers) {
        List<String> names = names(servers);
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            choices.add(i + " or " + names.get(i));
        }
        return String.join(", ", choices);
    }

    /** Each server's short name, the first label of its host. */
    public static List<String> names(List<String> servers) {
        return servers.stream()
                .map(url -> {
                    String host = URI.create(url).getHost();
                    return host == null
                            ? url
                            : host.substring(0, host.indexOf('.') < 0 ? host.length() : host.indexOf('.'));
                })
                .toList();
    }
}
