package com.authlete.toolkit.credentials.connect;

import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.Tokens;
import com.authlete.toolkit.credentials.oauth.OAuthGrant;
import com.authlete.toolkit.credentials.oauth.TokenRenewal;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the bearer token, highest first: the {@code --bearer} flag; the {@code AUTHLETE_BEARER} environment
 * variable; the active profile's entry in the OS keychain; the token in the config file (plain-text fallback).
 * Tokens are normalised on the way: whitespace and a {@code Bearer } scheme are stripped. A stored OAuth login
 * stands for its access token.
 */
public final class CredentialChain {

    public static final String BEARER_ENV = "AUTHLETE_BEARER";

    private final Map<String, String> environment;
    private final CredentialStore store;
    private final String profile;
    private final TokenRenewal renewal;

    public CredentialChain(Map<String, String> environment, CredentialStore store, String profile) {
        this(environment, store, profile, null);
    }

    /** With {@code renewal}, a stored OAuth login yields a fresh access token (renewed when it is about to expire). */
    public CredentialChain(
            Map<String, String> environment, CredentialStore store, String profile, TokenRenewal renewal) {
        this.environment = Map.copyOf(environment);
        this.store = store;
        this.profile = profile;
        this.renewal = renewal;
    }

    /** Flag and environment only: no stored credentials. */
    public CredentialChain(Map<String, String> environment) {
        this(environment, null, null);
    }

    public Optional<ResolvedToken> resolve(String flagValue) throws CredentialsException {
        String fromFlag = Tokens.normalize(flagValue);
        if (fromFlag != null) {
            return Optional.of(new ResolvedToken(fromFlag, "--bearer"));
        }
        String fromEnvironment = Tokens.normalize(environment.get(BEARER_ENV));
        if (fromEnvironment != null) {
            return Optional.of(new ResolvedToken(fromEnvironment, BEARER_ENV));
        }
        Optional<ResolvedToken> stored = store == null ? Optional.empty() : store.read(profile);
        if (stored.isEmpty() || !OAuthGrant.isGrant(stored.get().token())) {
            return stored;
        }
        OAuthGrant grant = OAuthGrant.fromJson(stored.get().token());
        String accessToken = renewal == null ? grant.accessToken() : renewal.accessToken(profile, grant);
        return Optional.of(new ResolvedToken(
                accessToken, stored.get().origin() + ", OAuth " + grant.grantType() + " login at " + grant.issuer()));
    }
}
