package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.core.secrets.SensitiveNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which values of a resource are secrets, by the toolkit's one rule set (transport's {@link SensitiveNames} and
 * {@link Redactor}): text under a field whose name holds a secret ({@code authenticationCallbackApiSecret}, every
 * text inside {@code snsCredentials}), a JWK private member, and text that carries secrets inside it (a
 * {@code jwks} with private keys). Export writes an environment reference instead; diffs mask them.
 */
final class Secrets {

    static final String MASK = Redactor.MASK;

    private Secrets() {}

    /**
     * The names from the top down to {@code member} of {@code object}; a named pair whose name holds a secret
     * ({@code {"key": "webhook_password", "value": ...}}) adds its name, which makes its value a secret.
     */
    static List<String> below(List<String> names, JsonNode object, String member) {
        List<String> out = new ArrayList<>(names);
        if (SensitiveNames.isSecretPairValue(object, member)) {
            out.add((object.has("key") ? object.get("key") : object.get("name")).asText());
        }
        out.add(member);
        return out;
    }

    /** @param names the field names from the resource's top down to the value (array positions left out) */
    static boolean isSecret(List<String> names, String text) {
        for (String name : names) {
            if (SensitiveNames.isSensitive(name)) {
                return true;
            }
        }
        if (!names.isEmpty() && SensitiveNames.isJwkPrivateMember(names.get(names.size() - 1))) {
            return true;
        }
        return !Redactor.embedded(text).equals(text);
    }
}
