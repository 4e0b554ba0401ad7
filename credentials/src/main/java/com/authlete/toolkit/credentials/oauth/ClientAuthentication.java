package com.authlete.toolkit.credentials.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * How the client proves itself at the token endpoint (RFC 6749 section 2.3): a public client only names itself;
 * a confidential one sends its secret in HTTP Basic (the default) or in the form.
 */
public record ClientAuthentication(String clientId, Method method, String secret) {

    public enum Method {
        NONE("none"),
        CLIENT_SECRET_BASIC("client_secret_basic"),
        CLIENT_SECRET_POST("client_secret_post");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** {@code basic}, {@code post}, {@code none} or the RFC 7591 names. */
        public static Method parse(String text) {
            String name = text.strip().toLowerCase(Locale.ROOT);
            for (Method method : values()) {
                if (method.wireName.equals(name) || method.wireName.endsWith("_" + name)) {
                    return method;
                }
            }
            throw new IllegalArgumentException("unknown client authentication '" + text + "' (basic, post or none)");
        }
    }

    public static ClientAuthentication publicClient(String clientId) {
        return new ClientAuthentication(clientId, Method.NONE, null);
    }

    /** Adds the client's credentials to a token request. */
    void apply(Map<String, String> form, Map<String, String> headers) {
        switch (method) {
            case NONE -> form.put("client_id", clientId);
            case CLIENT_SECRET_POST -> {
                form.put("client_id", clientId);
                form.put("client_secret", secret);
            }
            case CLIENT_SECRET_BASIC -> {
                // RFC 6749 2.3.1: both parts form-encoded before Base64.
                String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8);
                headers.put(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Override
    public String toString() {
        return "ClientAuthentication[" + clientId + ", " + method.wireName + "]";
    }
}
