package com.authlete.toolkit.transport.redact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which field names hold secrets: names that, in any case or separator style ({@code client_secret},
 * {@code clientSecret}, {@code CLIENT-SECRET}), contain password, secret, token, api key, credential or private
 * key; and the private members of JWKs ({@code d}, {@code p}, {@code q}, {@code dp}, {@code dq}, {@code qi}).
 */
public final class SensitiveNames {

    private static final List<String> MARKERS = List.of("password", "secret", "token", "apikey", "credential", "privatekey");
    private static final Set<String> JWK_PRIVATE = Set.of("d", "p", "q", "dp", "dq", "qi");

    private SensitiveNames() {
    }

    public static boolean isSensitive(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String marker : MARKERS) {
            if (normalized.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any field at any depth of the value is sensitive. */
    public static boolean containsSensitive(JsonNode value) {
        if (value.isObject()) {
            boolean jwk = value.has("kty");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (isSensitive(field.getKey()) || (jwk && JWK_PRIVATE.contains(field.getKey()))
                        || containsSensitive(field.getValue())) {
                    return true;
                }
            }
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (containsSensitive(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
