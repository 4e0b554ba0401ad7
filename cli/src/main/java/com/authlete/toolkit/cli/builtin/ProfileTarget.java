package com.authlete.toolkit.cli.builtin;

import com.github.rvesse.airline.annotations.Option;
import java.util.HashMap;
import java.util.Map;

/** Which profile and API the built-in commands act on. */
public final class ProfileTarget {

    @Option(
            name = "--profile",
            title = "name",
            description = "Profile to use (default: $AUTHLETE_PROFILE, the link file, the default profile).")
    String profile;

    @Option(
            name = "--server",
            title = "us|jp|eu|br",
            description = "Authlete cluster, by name or index: us or 0, jp or 1, eu or 2, br or 3.")
    String server;

    @Option(name = "--server-url", title = "url", description = "Base URL of the API; wins over --server.")
    String serverUrl;

    @Option(name = "--service-id", title = "id", description = "Service id to use by default.")
    String serviceId;

    /** As settings flags, for {@link com.authlete.toolkit.credentials.Settings}. */
    Map<String, String> asFlags() {
        Map<String, String> flags = new HashMap<>();
        flags.put("profile", profile);
        flags.put("server", server);
        flags.put("server-url", serverUrl);
        flags.put("service-id", serviceId);
        return flags;
    }
}
