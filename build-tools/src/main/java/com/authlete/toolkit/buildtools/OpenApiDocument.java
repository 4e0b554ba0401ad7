package com.authlete.toolkit.buildtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Read access to an OpenAPI 3.0 document: local {@code $ref}s followed and {@code allOf} merged. */
final class OpenApiDocument {

    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    /** Follows {@code $ref} until a node without one; only local references ({@code #/...}) exist in our input. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException(
                        "reference cycle at " + node.get("$ref").asText());
            }
            current = pointer(current.get("$ref").asText());
        }
        return current;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalStateException("only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolvable reference " + ref);
        }
        return target;
    }

    /** The schema's own properties merged with those of its {@code allOf} parts, and its required names. */
    FlatSchema flatten(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collect(resolved, properties, required, 0);
        return new FlatSchema(resolved, properties, required);
    }

    private void collect(JsonNode schema, Map<String, JsonNode> properties, Set<String> required, int depth) {
        if (depth > 16) {
            throw new IllegalStateException("allOf nested too deeply");
        }
        for (JsonNode part : schema.path("allOf")) {
            collect(resolve(part), properties, required, depth + 1);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            properties.put(property.getKey(), property.getValue());
        }
        schema.path("required").forEach(name -> required.add(name.asText()));
    }

    /** A schema with its properties gathered from {@code allOf} parts. */
    record FlatSchema(JsonNode schema, Map<String, JsonNode> properties, Set<String> required) {
        boolean isObject() {
            return !properties.isEmpty() || "object".equals(schema.path("type").asText());
        }
    }

    static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
