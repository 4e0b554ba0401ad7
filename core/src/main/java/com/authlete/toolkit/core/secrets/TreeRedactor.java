package com.authlete.toolkit.core.secrets;

import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Redactor}'s rules applied to a JSON tree: a copy with the same structure in which secrets are
 * masked, for output meant for people (tables, pretty print). Fields named in {@code shown} are kept at the top
 * level of each object (a user who asked for them by name wants to see them).
 */
public final class TreeRedactor {

    private static final JsonNodeFactory NODES = JsonTrees.NODES;

    private TreeRedactor() {}

    public static JsonNode redact(JsonNode value, Set<String> shown) {
        return copy(value, shown, false);
    }

    private static JsonNode copy(JsonNode value, Set<String> shown, boolean masking) {
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode child = field.getValue();
                if (shown.contains(name)) {
                    out.set(name, child);
                } else if (masking
                        || SensitiveNames.isSensitive(name)
                        || name.equals("oth")
                        || SensitiveNames.isSecretPairValue(value, name)) {
                    out.set(name, child.isContainerNode() ? copy(child, Set.of(), true) : mask(child));
                } else if (child.isTextual() && SensitiveNames.isJwkPrivateMember(name)) {
                    out.put(name, Redactor.MASK);
                } else {
                    out.set(name, copy(child, shown, false));
                }
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode(value.size());
            for (JsonNode item : value) {
                out.add(copy(item, shown, masking));
            }
            return out;
        }
        if (masking) {
            return mask(value);
        }
        if (value.isTextual()) {
            String text = value.asText();
            String redacted = Redactor.embedded(text);
            return redacted.equals(text) ? value : NODES.textNode(redacted);
        }
        return value;
    }

    private static JsonNode mask(JsonNode scalar) {
        return scalar.isTextual() ? NODES.textNode(Redactor.MASK) : scalar;
    }
}
