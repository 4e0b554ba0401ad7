package com.authlete.toolkit.credentials;

import java.util.Locale;

/** Token text as people paste it, made uniform; and tokens shown safely. */
public final class Tokens {

    private Tokens() {}

    /** Strips surrounding whitespace and newlines and a leading {@code Bearer } scheme; null when nothing is left. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String token = raw.strip();
        if (token.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            token = token.substring("bearer ".length()).strip();
        }
        return token.isEmpty() ? null : token;
    }

    /** The first and last four characters ({@code abcd…wxyz}); short tokens show nothing. */
    public static String mask(String token) {
        return token.length() < 12 ? "****" : token.substring(0, 4) + "\u2026" + token.substring(token.length() - 4);
    }
}
