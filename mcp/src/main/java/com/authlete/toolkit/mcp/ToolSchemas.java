package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Glossary;
import com.authlete.toolkit.core.catalog.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of a tool's arguments: the operation's path and query parameters and the top-level fields of its
 * body, each by its API name with its type, allowed values and a description from our glossary. Unknown arguments
 * are not allowed.
 */
final class ToolSchemas {

    private final Glossary glossary;
    private final McpOptions options;

    ToolSchemas(Glossary glossary, McpOptions options) {
        this.glossary = glossary;
        this.options = options;
    }

    Map<String, Object> input(Operation operation) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field parameter : operation.parameters()) {
            Map<String, Object> property = property(parameter, parameterDescription(operation, parameter));
            if (isId(operation, parameter)) {
                // Answers print ids as numbers: an id is taken as either.
                property.remove("type");
                property.put("anyOf", List.of(Map.of("type", "string"), Map.of("type", "integer")));
            }
            properties.put(parameter.name(), property);
            if (parameter.required() && !defaulted(parameter)) {
                required.add(parameter.name());
            }
        }
        operation
                .requestBody()
                .ifPresent(body -> body.fields().stream()
                        // What only the server sets (ids, timestamps, the service's apiKey) is never an argument.
                        .filter(field -> !field.isServerSet())
                        .forEach(field -> {
                            // A parameter of the same name wins: arguments are matched to parameters first.
                            if (properties.putIfAbsent(field.name(), property(field, describe(field, "body field")))
                                            == null
                                    && field.required()) {
                                required.add(field.name());
                            }
                        }));
        if (ToolSet.readsOnly(operation)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "array");
            fields.put("items", Map.of("type", "string"));
            fields.put(
                    "description",
                    "Only these fields of the answer (of each item, for a list), to keep the answer short.");
            properties.put(ToolCalls.FIELDS, fields);
        }
        if (operation.replacesWholeObject()) {
            Map<String, Object> replace = new LinkedHashMap<>();
            replace.put("type", "boolean");
            replace.put(
                    "description",
                    "false (the default): read the current object first and change only the fields given; "
                            + "true: send exactly the fields given, and the API resets every other field to its default.");
            properties.put(ToolCalls.REPLACE, replace);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** A path parameter naming a thing by its id (serviceId, clientId, clientIdentifier). */
    static boolean isId(Operation operation, Field parameter) {
        return operation.pathParameters().contains(parameter)
                && "string".equals(parameter.type())
                && (parameter.name().endsWith("Id") || parameter.name().endsWith("Identifier"));
    }

    private boolean defaulted(Field parameter) {
        return parameter.name().equals("serviceId") && options.defaultServiceId() != null;
    }

    private String parameterDescription(Operation operation, Field parameter) {
        String text = describe(
                parameter, operation.pathParameters().contains(parameter) ? "path parameter" : "query parameter");
        if (defaulted(parameter)) {
            text += " Default: " + options.defaultServiceId() + " (the profile's service id).";
        }
        if (operation.list() != null && operation.list().paginated()) {
            if (parameter.name().equals("start")) {
                text += " Paging: defaults to 0.";
            } else if (parameter.name().equals("end")) {
                text += " Paging: at most " + options.pageLimit() + " items per call; defaults to start + "
                        + options.pageLimit() + ".";
            }
        }
        return text;
    }

    private String describe(Field field, String kind) {
        return glossary.describe(field.name())
                .orElse("The " + kind + " " + field.name() + " (" + typeWords(field) + ").");
    }

    private static String typeWords(Field field) {
        return field.isArray() ? "array of " + field.valueType() : field.type();
    }

    private static Map<String, Object> property(Field field, String description) {
        Map<String, Object> property = new LinkedHashMap<>();
        if (field.isArray()) {
            property.put("type", "array");
            property.put("items", scalar(field.valueType(), field.enumValues()));
        } else {
            property.putAll(scalar(field.type(), field.enumValues()));
        }
        property.put("description", description);
        return property;
    }

    private static Map<String, Object> scalar(String type, List<String> enumValues) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type == null ? "string" : type);
        if (!enumValues.isEmpty() && "string".equals(type)) {
            schema.put("enum", enumValues);
        }
        return schema;
    }
}
