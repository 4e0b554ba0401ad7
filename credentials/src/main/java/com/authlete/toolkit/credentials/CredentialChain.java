package com.authlete.toolkit.credentials;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the bearer token: the {@code --bearer} flag first, then the {@code AUTHLETE_BEARER} environment
 * variable. (The OS keychain and the config file join the chain later.)
 */
public final class CredentialChain {

    public static final String BEARER_ENV = "AUTHLETE_BEARER";

    private final Map<String, String> environment;

    public CredentialChain(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Optional<ResolvedToken> resolve(String flagValue) {
        if (flagValue != null && !flagValue.isBlank()) {
            return Optional.of(new ResolvedToken(flagValue.strip(), "--bearer"));
        }
        String fromEnvironment = environment.get(BEARER_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new ResolvedToken(fromEnvironment.strip(), BEARER_ENV));
        }
        return Optional.empty();
    }
}
