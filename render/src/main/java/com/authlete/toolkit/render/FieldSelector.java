package com.authlete.toolkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/** Keeps only the named top-level keys of an object, or of each object in an array, in the order given. */
public final class FieldSelector {

    private final List<String> fields;

    public FieldSelector(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Parses {@code a,b,c}; blank names are dropped. */
    public static FieldSelector parse(String commaSeparated) {
        List<String> names = Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--fields needs at least one field name");
        }
        return new FieldSelector(names);
    }

    /** The names asked for, in the order given. */
    public List<String> names() {
        return fields;
    }

    public JsonNode apply(JsonNode value) {
        if (value.isArray()) {
            ArrayNode selected = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> selected.add(apply(item)));
            return selected;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            if (value.has(field)) {
                selected.set(field, value.get(field));
            }
        }
        return selected;
    }
}
