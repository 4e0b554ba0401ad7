package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out a usable access token for a stored OAuth login: the stored one while it is fresh, else a renewed one
 * (refresh token, or a new client-credentials request) which is stored before it is used. Renewal happens under a
 * lock file beside the config, and the login is read again inside the lock: of several concurrent invocations
 * only the first spends the refresh token, the others find its result.
 */
public final class TokenRenewal {

    /** Renew this long before the server's expiry, so that a token does not lapse during the call. */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    public static final String CLIENT_SECRET_ENV = "AUTHLETE_CLIENT_SECRET";

    private final CredentialStore store;
    private final TransportFactory transports;
    private final Map<String, String> environment;
    private final Clock clock;

    public TokenRenewal(
            CredentialStore store, TransportFactory transports, Map<String, String> environment, Clock clock) {
        this.store = store;
        this.transports = transports;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /** A fresh access token for the profile's stored login. */
    public String accessToken(String profile, OAuthGrant grant) throws CredentialsException, AuthleteException {
        if (!grant.expiresWithin(clock.instant(), MARGIN)) {
            return grant.accessToken();
        }
        Path lockFile = store.directory().resolve(".oauth-" + profile.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                OAuthGrant current = reread(profile).orElse(grant);
                if (!current.expiresWithin(clock.instant(), MARGIN)) {
                    return current.accessToken(); // Another invocation renewed it while this one waited.
                }
                OAuthGrant renewed = renew(profile, current);
                store.store(profile, renewed.toJson());
                return renewed.accessToken();
            }
        } catch (IOException e) {
            throw new CredentialsException("cannot lock " + lockFile + " to renew the login: " + e.getMessage(), e);
        }
    }

    private Optional<OAuthGrant> reread(String profile) throws CredentialsException {
        Optional<ResolvedToken> stored = store.read(profile);
        if (stored.isPresent() && OAuthGrant.isGrant(stored.get().token())) {
            return Optional.of(OAuthGrant.fromJson(stored.get().token()));
        }
        return Optional.empty();
    }

    private OAuthGrant renew(String profile, OAuthGrant grant) throws CredentialsException, AuthleteException {
        if (grant.refreshToken() != null) {
            TokenEndpoint endpoint = new TokenEndpoint(transports, grant.tokenEndpoint(), client(profile, grant));
            try {
                return grant.renewed(endpoint.refresh(grant.refreshToken()), clock.instant());
            } catch (OAuthException e) {
                throw new OAuthException(
                        e.error().orElse(null),
                        "the login of profile " + profile + " could not be renewed (" + e.getMessage()
                                + "): run 'authlete auth login'");
            }
        }
        if (grant.grantType().equals("client_credentials")) {
            TokenEndpoint endpoint = new TokenEndpoint(transports, grant.tokenEndpoint(), client(profile, grant));
            return grant.renewed(endpoint.clientCredentials(grant.scope()), clock.instant());
        }
        throw new OAuthException(
                "expired",
                "the access token of profile " + profile
                        + " expired and the server gave no refresh token: run 'authlete auth login'");
    }

    private ClientAuthentication client(String profile, OAuthGrant grant) throws CredentialsException {
        if (grant.clientAuthentication() == ClientAuthentication.Method.NONE) {
            return ClientAuthentication.publicClient(grant.clientId());
        }
        Optional<String> secret = clientSecret(profile, grant);
        if (secret.isEmpty()) {
            throw new OAuthException(
                    "no_client_secret",
                    "the access token of profile " + profile + " expired and the client"
                            + " secret is not at hand: set " + CLIENT_SECRET_ENV
                            + " or run 'authlete auth login --client-credentials'");
        }
        return new ClientAuthentication(grant.clientId(), grant.clientAuthentication(), secret.get());
    }

    /** The environment first (CI), then the file given at login, then the keychain. */
    private Optional<String> clientSecret(String profile, OAuthGrant grant) throws CredentialsException {
        String fromEnvironment = environment.get(CLIENT_SECRET_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        if (grant.clientSecretFile() != null) {
            try {
                return Optional.of(Files.readString(Path.of(grant.clientSecretFile()), StandardCharsets.UTF_8)
                        .strip());
            } catch (IOException e) {
                throw new CredentialsException(
                        "cannot read the client secret file " + grant.clientSecretFile() + ": " + e.getMessage(), e);
            }
        }
        return store.clientSecret(profile);
    }
}
