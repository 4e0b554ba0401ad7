package com.authlete.toolkit.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which field names hold secrets. The rule is about what a name <em>holds</em>, not what it mentions: a name
 * (compared in lower case without separators, so {@code client_secret}, {@code clientSecret} and
 * {@code CLIENT-SECRET} are one name) holds a secret when it <em>ends</em> with password, passwd, passphrase,
 * secret, token, api key, private key, secret key, assertion or code verifier, or is one of the credentials named
 * outright ({@code code}, {@code authorizationCode}, {@code deviceCode}, {@code preAuthorizedCode}, {@code txCode},
 * {@code dpop}, {@code sharedKeyForSign}, {@code sharedKeyForEncryption}, {@code snsCredentials}). So {@code accessToken},
 * {@code refresh_token}, {@code apiSecret} and {@code clientSecret} hold secrets, while
 * {@code accessTokenDuration}, {@code tokenAuthMethod}, {@code idTokenSignAlg} and
 * {@code clientSecretExpiresAt} only describe one, and an API key that is the id half of a pair
 * ({@code authenticationCallbackApiKey}, beside its {@code authenticationCallbackApiSecret}) is not one. The private members of a JWK ({@code d}, {@code p},
 * {@code q}, {@code dp}, {@code dq}, {@code qi}, {@code k}, {@code oth}) hold secrets when their value is text.
 *
 * <p>Only text is masked: numbers, booleans and nulls are never secrets, whatever their name. Every secret the
 * Authlete API defines is text; its integer {@code apiKey} is a service's number, which every path shows anyway.
 */
public final class SensitiveNames {

    private static final List<String> SECRET_ENDINGS = List.of(
            "password",
            "passwd",
            "passphrase",
            "secret",
            "token",
            "apikey",
            "privatekey",
            "secretkey",
            "assertion",
            "codeverifier");
    private static final Set<String> SECRET_NAMES = Set.of(
            "code",
            "authorizationcode",
            "devicecode",
            "preauthorizedcode",
            "txcode",
            "dpop",
            "sharedkeyforsign",
            "sharedkeyforencryption",
            "snscredentials");
    /**
     * API keys that are the user-name half of a pair whose other half is the secret: the API has
     * {@code authenticationCallbackApiKey} beside {@code authenticationCallbackApiSecret} (HTTP Basic at the callback)
     * and {@code serviceApiKey}, a service's number. Masking them would hide which key is configured while the secret
     * beside it stays masked anyway.
     */
    private static final Set<String> KEY_IDS =
            Set.of("authenticationcallbackapikey", "developerauthenticationcallbackapikey", "serviceapikey");

    static final Set<String> JWK_PRIVATE = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    private SensitiveNames() {}

    /** Whether a field of this name holds a secret (when its value is text, or an object or array holding text). */
    public static boolean isSensitive(String name) {
        String normalized = normalize(name);
        if (SECRET_NAMES.contains(normalized)) {
            return true;
        }
        if (KEY_IDS.contains(normalized)) {
            return false;
        }
        for (String ending : SECRET_ENDINGS) {
            if (normalized.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code member} of {@code object} is the value of a named pair whose name holds a secret: Authlete's
     * {@code attributes} and similar lists are {@code {"key": "webhook_password", "value": "..."}} (or
     * {@code name}/{@code value}), where the secret's name is data, not a field name.
     */
    public static boolean isSecretPairValue(JsonNode object, String member) {
        if (!member.equals("value") || !object.isObject()) {
            return false;
        }
        JsonNode name = object.has("key") ? object.get("key") : object.get("name");
        return name != null && name.isTextual() && isSensitive(name.asText());
    }

    /** Whether a field of this name is a JWK private member, a secret when its value is text. */
    public static boolean isJwkPrivateMember(String name) {
        return JWK_PRIVATE.contains(name);
    }

    /** Lower-case ASCII letters and digits only: the one spelling of client_secret, clientSecret and CLIENT-SECRET. */
    private static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether any value at any depth is a secret by these rules, including secrets inside text that itself holds
     * JSON, a form or a URL with a query ({@code parameters}, {@code jwks}, {@code responseContent}).
     */
    public static boolean containsSensitive(JsonNode value) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (holdsSecret(field.getKey(), field.getValue())
                        || (isSecretPairValue(value, field.getKey()) && holdsSecret("secret", field.getValue()))
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
        } else if (value.isTextual()) {
            String text = value.asText();
            return !Redactor.embedded(text).equals(text);
        }
        return false;
    }

    /** Whether this one field, by its name and the kind of its value, is a secret (its content aside). */
    static boolean holdsSecret(String name, JsonNode value) {
        if (isSensitive(name)) {
            return value.isTextual() || (value.isContainerNode() && hasSecretLeaf(value));
        }
        return value.isTextual() && isJwkPrivateMember(name);
    }

    private static boolean hasSecretLeaf(JsonNode container) {
        for (JsonNode child : container) {
            if (child.isContainerNode() ? hasSecretLeaf(child) : child.isTextual()) {
                return true;
            }
        }
        return false;
    }
}
