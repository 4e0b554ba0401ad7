package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.SchemaField;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one form in which a resource is compared and written, whether it came from the API or from a file: fields in
 * schema order; read-only and unknown fields gone; empty values gone (null, "", [], {}, false, 0: what the server
 * reports for a field never set, so a file need not spell them); numbers exact and in one representation; set-like
 * arrays sorted and without repeats (see {@link ArrayOrder}).
 */
final class Canonical {

    private static final Comparator<JsonNode> BY_TEXT = Comparator.comparing(JsonTrees::text);

    private Canonical() {}

    static ObjectNode of(List<SchemaField> fields, JsonNode resource) {
        ObjectNode out = JsonTrees.NODES.objectNode();
        if (resource == null || !resource.isObject()) {
            return out;
        }
        for (SchemaField field : fields) {
            if (field.readOnly()) {
                continue;
            }
            JsonNode value = value(field, resource.get(field.name()));
            if (!isEmpty(value)) {
                out.set(field.name(), value);
            }
        }
        return out;
    }

    static boolean isEmpty(JsonNode value) {
        return value == null
                || value.isNull()
                || value.isMissingNode()
                || (value.isTextual() && value.asText().isEmpty())
                || (value.isContainerNode() && value.isEmpty())
                || (value.isBoolean() && !value.asBoolean())
                || (value.isNumber() && value.decimalValue().signum() == 0);
    }

    private static JsonNode value(SchemaField field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (field.isArray() && value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item : value) {
                JsonNode canonical = field.hasFields() ? of(field.fields(), item) : any(item);
                if (!isEmpty(canonical)) {
                    items.add(canonical);
                }
            }
            if (!ArrayOrder.isOrdered(field.name())) {
                Map<String, JsonNode> distinct = new LinkedHashMap<>();
                items.sort(BY_TEXT);
                items.forEach(item -> distinct.putIfAbsent(JsonTrees.text(item), item));
                items = new ArrayList<>(distinct.values());
            }
            ArrayNode out = JsonTrees.NODES.arrayNode(items.size());
            items.forEach(out::add);
            return out;
        }
        if (field.hasFields() && value.isObject()) {
            return of(field.fields(), value);
        }
        return any(value);
    }

    /** A value without a schema: numbers in one form, empty members of objects dropped. */
    static JsonNode any(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            return number.scale() <= 0
                    ? JsonTrees.NODES.numberNode(number.toBigIntegerExact())
                    : JsonTrees.NODES.numberNode(number);
        }
        if (value.isObject()) {
            ObjectNode out = JsonTrees.NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!member.getValue().isNull()) {
                    out.set(member.getKey(), any(member.getValue()));
                }
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonTrees.NODES.arrayNode(value.size());
            value.forEach(item -> out.add(any(item)));
            return out;
        }
        return value;
    }
}
