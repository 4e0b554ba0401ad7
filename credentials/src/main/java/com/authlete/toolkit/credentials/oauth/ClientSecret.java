package com.authlete.toolkit.credentials.oauth;

import java.nio.file.Path;

/**
 * A client secret and where it came from, which decides what a login keeps of it: a file is read again at each
 * renewal (its path is kept), the environment is read again too (nothing kept), a secret typed or piped in is
 * kept in the keychain when there is one.
 *
 * @param file the absolute path when {@code origin} is {@link Origin#FILE}, else null
 */
public record ClientSecret(String value, Origin origin, Path file) {

    public enum Origin {
        STDIN,
        FILE,
        ARGUMENT,
        ENVIRONMENT
    }

    public ClientSecret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the client secret is empty");
        }
        value = value.strip();
        file = file == null ? null : file.toAbsolutePath();
    }

    /** Whether renewing the token later needs the secret kept by the login (there is no other place to read it again). */
    boolean needsKeeping() {
        return origin == Origin.STDIN || origin == Origin.ARGUMENT;
    }

    @Override
    public String toString() {
        return "ClientSecret[" + origin + "]";
    }
}
