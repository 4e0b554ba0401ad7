package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.credentials.CredentialsException;
import com.fasterxml.jackson.databind.JsonNode;

/** A successful token response (RFC 6749 section 5.1); {@code expiresIn} is null when the server did not say. */
public record TokenResponse(String accessToken, String refreshToken, Long expiresIn, String scope) {

    static TokenResponse from(JsonNode body) throws CredentialsException {
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new CredentialsException("the token endpoint answered without an access_token");
        }
        JsonNode expires = body.path("expires_in");
        return new TokenResponse(accessToken, body.path("refresh_token").asText(null),
                expires.canConvertToLong() ? expires.asLong() : expires.isTextual() ? parse(expires.asText()) : null,
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
        return "TokenResponse[expiresIn=" + expiresIn + ", refresh=" + (refreshToken != null) + ", scope=" + scope + "]";
    }
}
