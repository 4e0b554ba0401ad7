package com.authlete.toolkit.cli;

import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/** The CLI's side of {@link EnvironmentTransports}: its flags in, usage errors (exit 2) out. */
public final class TransportSetup {

    private TransportSetup() {
    }

    public static HttpTransport build(NetworkOptions flags, Map<String, String> environment, URI baseUrl, String token, String version,
                                      PrintStream err) throws CliException {
        try {
            return EnvironmentTransports.build(flags.toOptions(), environment, baseUrl, token, userAgent(version), err);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    static String userAgent(String version) {
        return "authlete-cli/" + version;
    }

    /**
     * Transports for OAuth servers, set up like the API's (proxies, CA bundle, debug log, retries) but without the
     * API token; {@code flags} may be null for the defaults.
     */
    public static com.authlete.toolkit.credentials.oauth.TransportFactory oauth(NetworkOptions flags, Map<String, String> environment,
                                                                                String version, PrintStream err) {
        NetworkOptions options = flags == null ? new NetworkOptions() : flags;
        return com.authlete.toolkit.credentials.AuthleteConnections.oauthTransports(options.toOptions(), environment,
                userAgent(version), err);
    }
}
