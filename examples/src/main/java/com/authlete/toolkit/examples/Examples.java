package com.authlete.toolkit.examples;

/** What the example programs share: the token from the environment. */
final class Examples {

    private Examples() {}

    /** {@code AUTHLETE_BEARER}, or exit 3 with a one-line hint. */
    static String token() {
        String token = System.getenv("AUTHLETE_BEARER");
        if (token == null || token.isBlank()) {
            System.err.println("set AUTHLETE_BEARER to an Authlete access token");
            System.exit(3);
        }
        return token.strip();
    }
}
