package com.authlete.toolkit.credentials;

import java.util.Objects;

/**
 * A bearer token and where it came from. {@link #toString()} never shows the token itself.
 *
 * @param token  the token
 * @param origin where it was found, for diagnostics, such as {@code --bearer} or {@code AUTHLETE_BEARER}
 */
public record ResolvedToken(String token, String origin) {

    public ResolvedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(origin, "origin");
    }

    /** The token with all but its first and last four characters hidden. */
    public String masked() {
        return Tokens.mask(token);
    }

    @Override
    public String toString() {
        return "ResolvedToken[" + masked() + " from " + origin + "]";
    }
}
