package com.authlete.toolkit.core.secrets;

import com.authlete.toolkit.core.catalog.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one rule for secrets in answers, for every front end: every value that is a secret is masked wherever people or
 * models read it, except the secret an answer hands out for the first and only time. That is, in the answer of an
 * operation that reveals a secret (the catalog's {@code revealsSecret}: secret rotation), the top-level secret fields
 * named {@code new...} ({@code newClientSecret}); the secret it replaces stays masked.
 */
public final class SecretRules {

    private SecretRules() {}

    /** The top-level fields of {@code answer} that show a newly generated secret; empty for other operations. */
    public static Set<String> revealed(Operation operation, JsonNode answer) {
        Set<String> names = new TreeSet<>();
        if (operation == null || !operation.revealsSecret() || answer == null || !answer.isObject()) {
            return names;
        }
        answer.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("new") && SensitiveNames.isSensitive(name)) {
                names.add(name);
            }
        });
        return names;
    }

    /** A copy of the answer with every secret masked but the ones it reveals and the fields in {@code shown}. */
    public static JsonNode masked(Operation operation, JsonNode answer, Set<String> shown) {
        Set<String> kept = new TreeSet<>(shown);
        kept.addAll(revealed(operation, answer));
        return TreeRedactor.redact(answer, kept);
    }
}
