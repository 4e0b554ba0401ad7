package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.SchemaField;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a resource file against the resource's schema and returns it with text turned into the numbers and
 * booleans the schema asks for (what an environment reference gives is text). The first problem is an error naming
 * the file and the path: an unknown field (with the closest known name), a field only the server sets, a wrong
 * type, a value outside an enum.
 */
final class SchemaCheck {

    private final String kind;
    private final String file;
    private final Set<String> identity;

    /** @param identity top-level read-only fields a file may carry to name its resource ({@code clientId}) */
    SchemaCheck(String kind, String file, Set<String> identity) {
        this.kind = kind;
        this.file = file;
        this.identity = identity;
    }

    ObjectNode check(List<SchemaField> fields, JsonNode document) throws ConfigFileException {
        if (!document.isObject()) {
            throw new ConfigFileException(
                    file, "", "expected a mapping of " + kind + " fields, got " + describe(document));
        }
        return object(fields, document, "", true);
    }

    private ObjectNode object(List<SchemaField> fields, JsonNode value, String path, boolean top)
            throws ConfigFileException {
        ObjectNode out = JsonTrees.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String where = FieldPath.child(path, name);
            Optional<SchemaField> field =
                    fields.stream().filter(f -> f.name().equals(name)).findFirst();
            if (field.isEmpty()) {
                throw new ConfigFileException(
                        file, where, "unknown field of " + (top ? "a " + kind : path) + closest(fields, name));
            }
            if (field.get().readOnly() && !(top && identity.contains(name))) {
                throw new ConfigFileException(file, where, "set by the server, not by a file; remove it");
            }
            out.set(name, value(field.get(), entry.getValue(), where));
        }
        return out;
    }

    private JsonNode value(SchemaField field, JsonNode value, String path) throws ConfigFileException {
        if (value.isNull()) {
            return value;
        }
        if (field.isArray()) {
            if (!value.isArray()) {
                throw new ConfigFileException(file, path, "expected a list, got " + describe(value));
            }
            ArrayNode out = JsonTrees.NODES.arrayNode(value.size());
            for (int i = 0; i < value.size(); i++) {
                String where = FieldPath.item(path, i);
                out.add(
                        field.hasFields()
                                ? objectValue(field.fields(), value.get(i), where)
                                : scalar(field.itemType(), field.enumValues(), value.get(i), where));
            }
            return out;
        }
        if (field.hasFields()) {
            return objectValue(field.fields(), value, path);
        }
        return scalar(field.type(), field.enumValues(), value, path);
    }

    private JsonNode objectValue(List<SchemaField> fields, JsonNode value, String path) throws ConfigFileException {
        if (!value.isObject()) {
            throw new ConfigFileException(file, path, "expected a mapping, got " + describe(value));
        }
        return object(fields, value, path, false);
    }

    private JsonNode scalar(String type, List<String> enumValues, JsonNode value, String path)
            throws ConfigFileException {
        JsonNode checked = switch (type == null ? "object" : type) {
            case "string" -> {
                if (!value.isTextual()) {
                    throw new ConfigFileException(
                            file,
                            path,
                            "expected a string, got " + describe(value) + (value.isValueNode() ? " (quote it)" : ""));
                }
                yield value;
            }
            case "integer" -> {
                BigDecimal number = number(value, path, "an integer");
                if (number.stripTrailingZeros().scale() > 0) {
                    throw new ConfigFileException(file, path, "expected an integer, got " + value.asText());
                }
                yield JsonTrees.NODES.numberNode(number.toBigIntegerExact());
            }
            case "number" -> JsonTrees.NODES.numberNode(number(value, path, "a number"));
            case "boolean" -> {
                if (value.isBoolean()) {
                    yield value;
                }
                if (value.isTextual()
                        && (value.asText().equals("true") || value.asText().equals("false"))) {
                    yield JsonTrees.NODES.booleanNode(Boolean.parseBoolean(value.asText()));
                }
                throw new ConfigFileException(file, path, "expected true or false, got " + describe(value));
            }
            default -> value; // an object the API leaves open: any value
        };
        if (!enumValues.isEmpty() && !enumValues.contains(checked.asText())) {
            throw new ConfigFileException(
                    file, path, "'" + checked.asText() + "' is not one of " + String.join(", ", enumValues));
        }
        return checked;
    }

    private BigDecimal number(JsonNode value, String path, String expected) throws ConfigFileException {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigFileException(file, path, "expected " + expected + ", got " + describe(value));
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return "null";
    }

    /** " (did you mean X?)" for a known name within a few edits, or nothing. */
    private static String closest(List<SchemaField> fields, String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SchemaField field : fields) {
            int distance = distance(field.name().toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = field.name();
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
