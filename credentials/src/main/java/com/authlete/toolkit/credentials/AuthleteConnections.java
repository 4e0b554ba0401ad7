package com.authlete.toolkit.credentials;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.client.AuthleteApiException;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.credentials.oauth.TokenRenewal;
import com.authlete.toolkit.credentials.oauth.TransportFactory;
import com.authlete.toolkit.transport.ApiException;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import com.authlete.toolkit.transport.setup.TransportOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the libraries for every front end (the CLI, the MCP server, Java programs): the core's
 * {@link AuthleteClient} (operations, no HTTP) over the transport's {@link HttpTransport} (HTTP, no operations),
 * with the server and token found the same way everywhere: settings ranked flag > environment > link file >
 * profile, and the credential chain (flag > {@code AUTHLETE_BEARER} > keychain > config file) with stored OAuth
 * logins renewed. Neither core nor transport knows the other.
 */
public final class AuthleteConnections {

    private AuthleteConnections() {
    }

    /** A client whose requests go through {@code http}; closing the client closes the transport. */
    public static AuthleteClient over(HttpTransport http) {
        return AuthleteClient.over(request -> {
            try {
                return http.send(request.method(), request.target(), request.headers(), request.body()).body();
            } catch (ApiException e) {
                throw new AuthleteApiException(e.status(), e.resultCode().orElse(null), e.resultMessage().orElse(null), e.getMessage());
            } catch (TransportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }, http);
    }

    /**
     * A client set up as the CLI sets up its commands: the profile checked, the server and token resolved from
     * {@code settings} and the environment, the transport built from {@code options} and the environment
     * (proxies, CA certificates, time limits, retries, debug log on {@code log}).
     *
     * @param bearerFlag a token given explicitly (it outranks the chain), or null
     * @throws MissingTokenException when no link of the chain holds a token
     * @throws IllegalArgumentException for settings or options that make no sense (a bad server, a bad duration)
     */
    public static AuthleteClient fromEnvironment(Settings settings, Map<String, String> environment, TransportOptions options,
                                                 String bearerFlag, String userAgent, PrintStream log)
            throws CredentialsException, TransportException {
        CredentialStore.requireKnownProfile(settings, environment);
        URI baseUrl = baseUrl(settings);
        ResolvedToken token = token(settings, environment, bearerFlag, oauthTransports(options, environment, userAgent, log), log)
                .orElseThrow(MissingTokenException::new);
        return over(EnvironmentTransports.build(options, environment, baseUrl, token.token(), userAgent, log));
    }

    /** The API base URL the settings name (see {@link ServerChoice}). */
    public static URI baseUrl(Settings settings) {
        return ServerChoice.baseUrl(settings, Catalog.standard().servers());
    }

    /**
     * The token of the active profile through the credential chain; stored OAuth logins are renewed through
     * {@code oauth}. A token read from a config file others can read is used, with a warning on {@code warnings}.
     */
    public static Optional<ResolvedToken> token(Settings settings, Map<String, String> environment, String bearerFlag,
                                                TransportFactory oauth, PrintStream warnings)
            throws CredentialsException, TransportException {
        CredentialStore store = CredentialStore.of(settings, environment);
        TokenRenewal renewal = new TokenRenewal(store, oauth, environment, Clock.systemUTC());
        Optional<ResolvedToken> token = new CredentialChain(environment, store, settings.profile(), renewal).resolve(bearerFlag);
        if (token.isPresent() && token.get().origin().startsWith(settings.configFile().path().toString())) {
            settings.configFile().exposureWarning().ifPresent(warning -> warnings.println("warning: " + warning));
        }
        return token;
    }

    /** Transports for OAuth servers, set up like the API's (proxies, CA certificates, debug log, retries), without the API token. */
    public static TransportFactory oauthTransports(TransportOptions options, Map<String, String> environment, String userAgent,
                                                   PrintStream log) {
        return origin -> {
            try {
                return EnvironmentTransports.build(options, environment, origin, null, userAgent, log);
            } catch (IllegalArgumentException e) {
                throw new CredentialsException(e.getMessage(), e);
            }
        };
    }
}
