package com.authlete.toolkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Valid request bodies for the contract test, taken from the OpenAPI description: the media type's example,
 * else the schema's example, else one made from the schema's required properties.
 */
final class SpecExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonNode spec;

    SpecExamples(JsonNode spec) {
        this.spec = spec;
    }

    /** An example body that also has every property the schema requires (some examples lack one). */
    JsonNode jsonBody(String method, String path) {
        JsonNode media = spec.path("paths")
                .path(path)
                .path(method.toLowerCase())
                .path("requestBody")
                .path("content")
                .path("application/json");
        JsonNode body = example(media).deepCopy();
        if (body.isObject()) {
            ObjectNode required = NODES.objectNode();
            collectRequired(resolve(media.path("schema")), required, 0);
            required.fields().forEachRemaining(field -> {
                if (!body.has(field.getKey())) {
                    ((ObjectNode) body).set(field.getKey(), field.getValue());
                }
            });
        }
        return body;
    }

    private JsonNode example(JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        for (JsonNode example : media.path("examples")) {
            JsonNode resolved = resolve(example);
            if (resolved.has("value")) {
                return resolved.get("value");
            }
        }
        JsonNode schema = resolve(media.path("schema"));
        if (schema.has("example")) {
            return schema.get("example");
        }
        return fromSchema(schema, 0);
    }

    private JsonNode fromSchema(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf")
                || schema.has("properties")
                || "object".equals(schema.path("type").asText())) {
            ObjectNode object = NODES.objectNode();
            collectRequired(schema, object, depth);
            return object;
        }
        return switch (schema.path("type").asText("string")) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(fromSchema(schema.path("items"), depth + 1));
                }
                yield array;
            }
            default -> NODES.textNode("example");
        };
    }

    private void collectRequired(JsonNode schema, ObjectNode into, int depth) {
        for (JsonNode part : schema.path("allOf")) {
            collectRequired(resolve(part), into, depth);
        }
        for (JsonNode name : schema.path("required")) {
            JsonNode property = schema.path("properties").path(name.asText());
            if (depth < 4) {
                // A required name without a property schema (g_m_request's 'token') still needs a value.
                into.set(
                        name.asText(),
                        property.isMissingNode() ? NODES.textNode("example") : fromSchema(property, depth + 1));
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The scalar top-level fields of an object, for commands tested with flags only. */
    static Map<String, JsonNode> scalars(JsonNode body) {
        Map<String, JsonNode> scalars = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                scalars.put(field.getKey(), field.getValue());
            }
        }
        return scalars;
    }
}
