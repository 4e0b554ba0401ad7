package com.authlete.toolkit.cli.output;

import com.authlete.toolkit.render.FieldSelector;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The few fields a person wants to see of each item of a list on a terminal (a client has 30 to 70): chosen per kind
 * of list, else the item's id and name fields and its first plain values. --fields, -F json and pipes see everything.
 */
final class ListColumns {

    /** The most columns shown when a list has no curated set. */
    private static final int MOST = 6;

    private static final Map<String, List<String>> CURATED = Map.of(
            "clients", List.of("clientId", "clientName", "clientIdAlias", "clientType", "tokenAuthMethod", "developer"),
            "services", List.of("apiKey", "serviceName", "issuer", "createdAt"),
            "applications", List.of("clientId", "clientName", "clientType", "createdAt"),
            "accessTokens", List.of("accessTokenHash", "clientId", "subject", "scopes", "accessTokenExpiresAt"),
            "keys", List.of("kid", "kty", "alg", "use", "hsmName", "handle"));

    private ListColumns() {}

    /** The columns to show for these items, in order; empty when every field is to be shown. */
    static List<String> of(String listField, JsonNode items) {
        Set<String> present = new LinkedHashSet<>();
        for (JsonNode item : items) {
            item.fieldNames().forEachRemaining(present::add);
        }
        List<String> chosen = new ArrayList<>();
        List<String> curated = CURATED.get(listField);
        if (curated != null) {
            curated.stream().filter(present::contains).forEach(chosen::add);
        } else if (items.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = items.get(0).fields();
                    it.hasNext() && chosen.size() < MOST; ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isValueNode()) {
                    chosen.add(field.getKey());
                }
            }
        }
        return chosen.isEmpty() || chosen.size() >= present.size() ? List.of() : chosen;
    }

    /** The line that says what was left out and how to see it. */
    static String hint(List<String> shown, JsonNode items) {
        Set<String> present = new LinkedHashSet<>();
        items.forEach(item -> item.fieldNames().forEachRemaining(present::add));
        return "showing " + shown.size() + " of " + present.size() + " fields of each item; --fields a,b,c picks"
                + " others, -F json shows them all";
    }

    static JsonNode select(JsonNode items, List<String> columns) {
        return new FieldSelector(columns).apply(items);
    }
}
