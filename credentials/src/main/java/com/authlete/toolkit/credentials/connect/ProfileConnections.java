package com.authlete.toolkit.credentials.connect;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.ServerChoice;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.oauth.OAuthException;
import com.authlete.toolkit.credentials.oauth.TokenRenewal;
import com.authlete.toolkit.credentials.oauth.TransportFactory;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way every front end (the CLI, the MCP server, export/diff/apply) connects through a profile: the profile
 * checked, the server chosen (flag &gt; environment &gt; link file &gt; profile), the token from the credential chain
 * (flag &gt; {@code AUTHLETE_BEARER} &gt; keychain &gt; config file, stored OAuth logins renewed), the default service
 * id, and the environment's proxies and CA bundle. The result is the core's {@link AuthleteClient.Builder}: the front
 * end adds its typed network settings and builds. Java programs that need none of this use the core's builder alone.
 */
public final class ProfileConnections {

    private ProfileConnections() {}

    /**
     * @param bearerFlag a token given explicitly (it outranks the chain), or null
     * @param warnings   where a warning about a config file others can read goes (standard error)
     * @throws CredentialsException     when the profile asked for does not exist
     * @throws IllegalArgumentException for a server setting that makes no sense
     */
    public static AuthleteClient.Builder builder(
            Settings settings, Map<String, String> environment, String bearerFlag, PrintStream warnings)
            throws CredentialsException {
        return builder(settings, environment, bearerFlag, warnings, Catalog.standardServers());
    }

    /** As {@link #builder(Settings, Map, String, PrintStream)}, with the API's servers from a catalog at hand. */
    public static AuthleteClient.Builder builder(
            Settings settings,
            Map<String, String> environment,
            String bearerFlag,
            PrintStream warnings,
            List<String> servers)
            throws CredentialsException {
        CredentialStore.requireKnownProfile(settings, environment);
        AuthleteClient.Builder builder = AuthleteClient.builder()
                .baseUrl(ServerChoice.baseUrl(settings, servers))
                .serviceId(settings.get("service-id").orElse(null));
        // The token is looked up when the first request needs it, with the network settings the front end gave by then.
        builder.tokenSource(() -> {
            try {
                return token(
                                settings,
                                environment,
                                bearerFlag,
                                oauthTransports(builder.connectionSettings(), environment),
                                warnings)
                        .map(ResolvedToken::token);
            } catch (CredentialsException e) {
                throw failure(e);
            }
        });
        builder.exchangeProvider(connection ->
                EnvironmentTransports.build(EnvironmentTransports.withEnvironment(connection, environment), null));
        return builder;
    }

    /** A login that cannot be renewed is not authenticated; a keychain or file that cannot be read is a broken set-up. */
    private static AuthleteException failure(CredentialsException e) {
        return new AuthleteException(
                e instanceof OAuthException ? ErrorCategory.NOT_AUTHENTICATED : ErrorCategory.CONFIGURATION,
                e.getMessage(),
                e);
    }

    /**
     * The token of the active profile through the credential chain; stored OAuth logins are renewed through
     * {@code oauth}. A token read from a config file others can read is used, with a warning on {@code warnings}.
     */
    public static Optional<ResolvedToken> token(
            Settings settings,
            Map<String, String> environment,
            String bearerFlag,
            TransportFactory oauth,
            PrintStream warnings)
            throws CredentialsException {
        CredentialStore store = CredentialStore.of(settings, environment);
        TokenRenewal renewal = new TokenRenewal(store, oauth, environment, Clock.systemUTC());
        Optional<ResolvedToken> token =
                new CredentialChain(environment, store, settings.profile(), renewal).resolve(bearerFlag);
        if (token.isPresent()
                && token.get().origin().startsWith(settings.configFile().path().toString())) {
            settings.configFile().exposureWarning().ifPresent(warning -> warnings.println("warning: " + warning));
        }
        return token;
    }

    /** Transports for OAuth servers, set up like the API's (proxies, CA certificates, debug log, retries), without the API token. */
    public static TransportFactory oauthTransports(ConnectionSettings settings, Map<String, String> environment) {
        return origin -> {
            try {
                return EnvironmentTransports.build(
                        EnvironmentTransports.withEnvironment(settings.withBaseUrl(origin), environment), null);
            } catch (IllegalArgumentException e) {
                throw new CredentialsException(e.getMessage(), e);
            }
        };
    }
}
