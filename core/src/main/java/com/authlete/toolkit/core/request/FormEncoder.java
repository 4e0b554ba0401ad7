package com.authlete.toolkit.core.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Encodes a JSON object as {@code application/x-www-form-urlencoded} following OpenAPI's defaults for form
 * bodies (style form, explode true): arrays become repeated keys, nested objects become their JSON text, and
 * nulls are left out.
 */
public final class FormEncoder {

    private FormEncoder() {}

    public static String encode(ObjectNode body) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(item -> append(out, field.getKey(), item));
            } else {
                append(out, field.getKey(), value);
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String key, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        if (out.length() > 0) {
            out.append('&');
        }
        String text = value.isContainerNode() ? value.toString() : value.asText();
        out.append(UriEncoding.formComponent(key)).append('=').append(UriEncoding.formComponent(text));
    }
}
