package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * An OAuth login from start to stored token, for any front end: discovery, the grant (device flow, browser with
 * PKCE, client credentials), the default scopes, the token request, and what is stored for the profile (the grant,
 * and the client secret when only the keychain can give it back later). What the user must see or do (a code to
 * enter, a URL to open) goes through {@link Prompts}.
 */
public final class OAuthLogins {

    /** Waiting for the browser's answer, when the caller gives no limit. */
    public static final Duration DEFAULT_BROWSER_WAIT = Duration.ofMinutes(5);

    public enum Grant {
        DEVICE("device_code"),
        BROWSER("authorization_code"),
        CLIENT_CREDENTIALS("client_credentials");

        private final String grantType;

        Grant(String grantType) {
            this.grantType = grantType;
        }

        public String grantType() {
            return grantType;
        }
    }

    /**
     * What to log in with.
     *
     * @param scope  the scopes to ask for, or null for the default: {@code openid offline_access} when the server
     *               offers both (for a person's login), none for client credentials
     * @param secret the client secret for {@link Grant#CLIENT_CREDENTIALS}, else null (the client is public)
     * @param method how the secret is sent (basic or post); null for basic
     * @param waitLimit how long to wait for the person, or null for the flow's default
     */
    public record Request(
            Grant grant,
            String issuer,
            String clientId,
            String scope,
            ClientSecret secret,
            ClientAuthentication.Method method,
            Duration waitLimit) {

        public Request {
            if (issuer == null || clientId == null) {
                throw new IllegalArgumentException("an OAuth login needs an issuer URL and a client id");
            }
            if (grant == Grant.CLIENT_CREDENTIALS && secret == null) {
                throw new IllegalArgumentException("a client credentials login needs the client secret");
            }
            if (grant != Grant.CLIENT_CREDENTIALS && method != null) {
                throw new IllegalArgumentException(
                        "the client authentication method applies to client credentials only");
            }
            if (method == ClientAuthentication.Method.NONE) {
                throw new IllegalArgumentException(
                        "client authentication 'none' sends no secret; client credentials need basic or post");
            }
        }
    }

    /** What the person has to see during the login. */
    public interface Prompts {
        /** The device flow's code and where to enter it; the login then waits for approval. */
        void deviceCode(DeviceFlow.Authorization authorization, ServerMetadata server, String clientId);

        /** The browser flow's address, to open; the login then waits for the redirect. */
        void browserAddress(URI address, Duration wait);
    }

    /**
     * @param secretKept false when a secret needed keeping but no keychain was there: renewing the token later
     *                   needs the secret again ({@link TokenRenewal#CLIENT_SECRET_ENV} or a file)
     */
    public record Result(
            OAuthGrant grant,
            ServerMetadata server,
            TokenResponse response,
            CredentialStore.Stored stored,
            boolean secretKept) {}

    private final TransportFactory transports;
    private final Clock clock;

    public OAuthLogins(TransportFactory transports, Clock clock) {
        this.transports = transports;
        this.clock = clock;
    }

    /** Logs in and stores the result for {@code profile} in {@code store}. */
    public Result login(Request request, CredentialStore store, String profile, Prompts prompts)
            throws CredentialsException, AuthleteException, InterruptedException {
        ServerMetadata server = new Discovery(transports).discover(request.issuer());
        String scope = request.scope() != null
                ? request.scope()
                : request.grant() == Grant.CLIENT_CREDENTIALS ? null : defaultScope(server);
        ClientAuthentication client = request.secret() == null
                ? ClientAuthentication.publicClient(request.clientId())
                : new ClientAuthentication(
                        request.clientId(),
                        request.method() == null ? ClientAuthentication.Method.CLIENT_SECRET_BASIC : request.method(),
                        request.secret().value());
        TokenResponse response = switch (request.grant()) {
            case DEVICE -> device(server, client, scope, request.waitLimit(), prompts);
            case BROWSER -> {
                Duration wait = request.waitLimit() == null ? DEFAULT_BROWSER_WAIT : request.waitLimit();
                yield new BrowserFlow(transports, server, client, new SecureRandom())
                        .login(scope, wait, url -> prompts.browserAddress(url, wait));
            }
            case CLIENT_CREDENTIALS ->
                new TokenEndpoint(transports, server.tokenEndpoint(), client).clientCredentials(scope);
        };
        ClientSecret secret = request.secret();
        String secretFile = secret != null && secret.origin() == ClientSecret.Origin.FILE
                ? secret.file().toString()
                : null;
        OAuthGrant grant = OAuthGrant.obtained(
                request.grant().grantType(), server, client, scope, response, clock.instant(), secretFile);
        CredentialStore.Stored stored = store.store(profile, grant.toJson());
        boolean secretKept =
                secret == null || !secret.needsKeeping() || store.storeClientSecret(profile, secret.value());
        return new Result(grant, server, response, stored, secretKept);
    }

    private TokenResponse device(
            ServerMetadata server, ClientAuthentication client, String scope, Duration wait, Prompts prompts)
            throws CredentialsException, AuthleteException, InterruptedException {
        DeviceFlow flow =
                new DeviceFlow(transports, server, client, clock, duration -> Thread.sleep(duration.toMillis()));
        DeviceFlow.Authorization authorization = flow.start(scope);
        prompts.deviceCode(authorization, server, client.clientId());
        return wait == null ? flow.await(authorization) : flow.await(authorization, wait);
    }

    /** A person's login asks for an ID token and a refresh token when the server offers them. */
    public static String defaultScope(ServerMetadata server) {
        return server.supportsScope("openid") && server.supportsScope("offline_access")
                ? "openid offline_access"
                : null;
    }
}
