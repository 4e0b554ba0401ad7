package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.Confirmation;
import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.connect.ProfileConnections;
import com.authlete.toolkit.credentials.oauth.TransportFactory;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's side of connecting: its flags turned into the library's typed settings, and the library's
 * {@link ProfileConnections} (profile, server, token chain, default service id, environment) for every command that
 * talks to the API. Bad flags are usage errors (exit 2) that name the flag.
 */
public final class TransportSetup {

    private TransportSetup() {}

    /** The engine for an API command: connected as every front end connects, with this command's flags. */
    public static AuthleteClient.Builder client(
            Settings settings,
            Map<String, String> environment,
            String bearerFlag,
            NetworkOptions flags,
            String version,
            PrintStream err,
            Confirmation confirmation)
            throws CliException, CredentialsException {
        return client(settings, environment, bearerFlag, flags, version, err, confirmation, null);
    }

    /** As above, for a command whose catalog (perhaps only its own operation) is at hand: no second read of it. */
    public static AuthleteClient.Builder client(
            Settings settings,
            Map<String, String> environment,
            String bearerFlag,
            NetworkOptions flags,
            String version,
            PrintStream err,
            Confirmation confirmation,
            Catalog catalog)
            throws CliException, CredentialsException {
        try {
            AuthleteClient.Builder builder = catalog == null
                    ? ProfileConnections.builder(settings, environment, bearerFlag, err)
                    : ProfileConnections.builder(settings, environment, bearerFlag, err, catalog.servers())
                            .catalog(catalog);
            flags.applyTo(builder, err);
            return builder.userAgent(userAgent(version)).confirmation(confirmation);
        } catch (IllegalArgumentException e) {
            throw usage(e);
        }
    }

    /** A transport carrying {@code token} (to check one before storing it), set up like the API's. */
    public static HttpTransport build(
            NetworkOptions flags,
            Map<String, String> environment,
            URI baseUrl,
            String token,
            String version,
            PrintStream err)
            throws CliException {
        try {
            ConnectionSettings settings = flags.settings(baseUrl, userAgent(version), err);
            return EnvironmentTransports.build(EnvironmentTransports.withEnvironment(settings, environment), token);
        } catch (IllegalArgumentException e) {
            throw usage(e);
        }
    }

    /** The token the chain finds, for {@code auth status}; stored OAuth logins are renewed with the network flags. */
    public static Optional<ResolvedToken> token(
            Settings settings,
            Map<String, String> environment,
            String bearerFlag,
            NetworkOptions flags,
            String version,
            PrintStream err)
            throws CredentialsException, CliException {
        return ProfileConnections.token(
                settings, environment, bearerFlag, oauth(flags, environment, version, err), err);
    }

    /**
     * Transports for OAuth servers, set up like the API's (proxies, CA bundle, debug log, retries) but without the
     * API token; {@code flags} may be null for the defaults.
     */
    public static TransportFactory oauth(
            NetworkOptions flags, Map<String, String> environment, String version, PrintStream err)
            throws CliException {
        NetworkOptions options = flags == null ? new NetworkOptions() : flags;
        try {
            return ProfileConnections.oauthTransports(
                    options.settings(URI.create("https://localhost"), userAgent(version), err), environment);
        } catch (IllegalArgumentException e) {
            throw usage(e);
        }
    }

    static String userAgent(String version) {
        return "authlete-cli/" + version;
    }

    /** The library names what is wrong; the flag that allows plain http is the CLI's to name. */
    static CliException usage(IllegalArgumentException e) {
        String message = e.getMessage();
        return CliException.usage(
                message.contains("allow insecure http") ? message + " (--allow-insecure-http)" : message);
    }
}
