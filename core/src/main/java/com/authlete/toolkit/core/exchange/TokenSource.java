package com.authlete.toolkit.core.exchange;

import java.util.Optional;

/**
 * Where the API token comes from: a fixed value, or a chain that looks in the environment, the keychain and a config
 * file (the credentials module's). Asked once per client, when the first request that needs a token is sent.
 */
@FunctionalInterface
public interface TokenSource {

    /** No token from the client: requests go as they are (an exchange set up by hand may add its own). */
    TokenSource NONE = Optional::empty;

    /**
     * @return the token, or empty when none is configured
     * @throws com.authlete.toolkit.core.AuthleteException when looking for it failed (a locked keychain, a broken file)
     */
    Optional<String> token();

    /**
     * A token must be printable ASCII without spaces (RFC 6750's b64token and then some). Anything else would be refused
     * by the HTTP client with the whole header value, token included, in its message; this one names only the position.
     *
     * @throws IllegalArgumentException when the token has a space, control or non-ASCII character
     */
    static void check(String token) {
        if (token == null) {
            return;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("the API token has a "
                        + (c == ' ' ? "space" : c < 0x20 || c == 0x7f ? "control character" : "non-ASCII character")
                        + " at position " + (i + 1) + " of " + token.length()
                        + "; check how it was stored or pasted");
            }
        }
    }

    static TokenSource of(String token) {
        Optional<String> fixed = Optional.ofNullable(token);
        return () -> fixed;
    }
}
