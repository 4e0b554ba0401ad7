package com.authlete.toolkit.core.request;

import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a caller's value for one field into JSON of the field's type. Text (as typed on a command line) is
 * parsed and checked; Java numbers, booleans, collections, maps and JSON nodes are taken as they are.
 */
final class ValueConverter {

    private static final JsonNodeFactory NODES = JsonTrees.NODES;

    private ValueConverter() {}

    static JsonNode convert(Field field, Object value) throws InvalidInputException {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (field.isArray()) {
            return array(field, value);
        }
        return single(field, field.type(), value);
    }

    private static JsonNode array(Field field, Object value) throws InvalidInputException {
        ArrayNode array = NODES.arrayNode();
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        for (Object item : items) {
            JsonNode converted = single(field, field.valueType(), item);
            // An object item may also be given as a JSON array of objects: its items are added one by one.
            if ("object".equals(field.valueType()) && converted.isArray()) {
                array.addAll((ArrayNode) converted);
            } else {
                array.add(converted);
            }
        }
        return array;
    }

    private static JsonNode single(Field field, String type, Object value) throws InvalidInputException {
        if (value == null) {
            return NODES.nullNode();
        }
        if (!(value instanceof String text)) {
            return Json.tree(
                    value instanceof Map<?, ?>
                                    || value instanceof Collection<?>
                                    || value instanceof Number
                                    || value instanceof Boolean
                            ? value
                            : value.toString());
        }
        return switch (type) {
            case "integer" -> integer(field, text);
            case "number" -> number(field, text);
            case "boolean" -> bool(field, text);
            case "object" -> Json.parse(field, text);
            default -> string(field, text);
        };
    }

    private static JsonNode integer(Field field, String text) throws InvalidInputException {
        try {
            return NODES.numberNode(new BigInteger(text.trim()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.invalid(field, "expects an integer, got '" + text + "'");
        }
    }

    private static JsonNode number(Field field, String text) throws InvalidInputException {
        try {
            return NODES.numberNode(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.invalid(field, "expects a number, got '" + text + "'");
        }
    }

    private static JsonNode bool(Field field, String text) throws InvalidInputException {
        String normalized = text.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("true") || normalized.equals("false")) {
            return NODES.booleanNode(normalized.equals("true"));
        }
        throw InvalidInputException.invalid(field, "expects true or false, got '" + text + "'");
    }

    private static JsonNode string(Field field, String text) throws InvalidInputException {
        List<String> allowed = field.enumValues();
        if (allowed.isEmpty()) {
            return NODES.textNode(text);
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(text.trim())) {
                return NODES.textNode(candidate);
            }
        }
        throw InvalidInputException.invalid(
                field, "does not accept '" + text + "'; allowed values: " + String.join(", ", allowed));
    }
}
