package com.authlete.toolkit.declarative;

import java.util.Set;

/**
 * Which arrays keep their order when compared. The API description says nothing about it (no {@code uniqueItems}
 * anywhere), so the rule is ours: an array is a set (order and repeats do not matter: redirect URIs, grant types,
 * scopes, attributes) unless it lists preferences, whose order the server acts on.
 */
final class ArrayOrder {

    /** Preference lists: default ACRs in order of preference (OpenID Connect Registration), preferred locales. */
    private static final Set<String> ORDERED = Set.of("defaultAcrs", "supportedUiLocales", "supportedClaimLocales");

    private ArrayOrder() {}

    static boolean isOrdered(String fieldName) {
        return ORDERED.contains(fieldName);
    }
}
