package com.authlete.toolkit.credentials;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the bearer token, highest first: the {@code --bearer} flag; the {@code AUTHLETE_BEARER} environment
 * variable; the active profile's entry in the OS keychain; the token in the config file (plain-text fallback).
 * Tokens are normalised on the way: whitespace and a {@code Bearer } scheme are stripped.
 */
public final class CredentialChain {

    public static final String BEARER_ENV = "AUTHLETE_BEARER";

    private final Map<String, String> environment;
    private final CredentialStore store;
    private final String profile;

    public CredentialChain(Map<String, String> environment, CredentialStore store, String profile) {
        this.environment = Map.copyOf(environment);
        this.store = store;
        this.profile = profile;
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
        return store == null ? Optional.empty() : store.read(profile);
    }
}
