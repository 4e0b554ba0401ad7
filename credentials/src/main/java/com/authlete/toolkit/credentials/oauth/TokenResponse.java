package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.credentials.CredentialsException;
import com.fasterxml.jackson.databind.JsonNode;

/** A successful token response (RFC 6749 section 5.1); {@code expiresIn} is null when the server did not say. */
public record TokenResponse(String accessToken, String refreshToken, Long expiresIn, String scope) {

    /** Ten years: longer lifetimes are kept as this one. */
    static final long MAX_EXPIRES_IN = 10L * 366 * 24 * 3600;

    static TokenResponse from(JsonNode body) throws CredentialsException {
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new CredentialsException("the token endpoint answered without an access_token");
        }
        JsonNode expires = body.path("expires_in");
        Long seconds = expires.isNumber() && expires.canConvertToLong()
                ? Long.valueOf(expires.asLong())
                : expires.isTextual() ? parse(expires.asText()) : null;
        // A lifetime that is negative, or beyond any date arithmetic, is no lifetime: treated as not given.
        return new TokenResponse(
                accessToken,
                body.path("refresh_token").asText(null),
                seconds == null || seconds < 0 ? null : Math.min(seconds, MAX_EXPIRES_IN),
                body.path("scope").asText(null));
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", refresh=" + (refreshToken != null) + ", scope=" + scope
                + "]";
    }
}
