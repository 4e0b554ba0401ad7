package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads from the catalog resource only what one command needs (its operation, and the servers), for a CLI that
 * runs one command per process: binding the whole catalog costs about 100 ms at start-up, skipping through it a few.
 * The one operation is mapped to its records directly, without data binding's per-class set-up.
 */
final class CatalogSlice {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogSlice() {
    }

    static Catalog read(String command) {
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE);
             JsonParser parser = new JsonFactory(MAPPER).createParser(in)) {
            String apiVersion = null;
            List<String> servers = List.of();
            List<String> reserved = List.of();
            List<Operation> operations = new ArrayList<>();
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "apiVersion" -> apiVersion = parser.getText();
                    case "servers" -> servers = strings(parser.readValueAsTree());
                    case "reservedFlags" -> reserved = strings(parser.readValueAsTree());
                    case "operations" -> {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode operation = matching(parser, command);
                            if (operation != null) {
                                operations.add(operation(operation));
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return new Catalog(apiVersion, servers, reserved, operations);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("cannot read the catalog resource", e));
        }
    }

    /** The operation the parser is on, as a tree, when its words are the command; otherwise skipped. */
    private static JsonNode matching(JsonParser parser, String command) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode operation = MAPPER.createObjectNode();
        boolean matches = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("words")) {
                JsonNode words = parser.readValueAsTree();
                matches = String.join(" ", strings(words)).equals(command);
                operation.set("words", words);
            } else if (matches) {
                operation.set(name, parser.readValueAsTree());
            } else {
                parser.skipChildren();
            }
        }
        return matches ? operation : null;
    }

    private static Operation operation(JsonNode n) {
        return new Operation(strings(n.get("words")), text(n, "summary"), text(n, "operationId"), text(n, "method"),
                text(n, "path"), n.path("authenticated").asBoolean(false), fields(n.get("pathParameters")),
                fields(n.get("queryParameters")), body(n.get("body")), list(n.get("list")));
    }

    private static RequestBody body(JsonNode n) {
        return n == null || n.isNull() ? null
                : new RequestBody(strings(n.get("contentTypes")), text(n, "encoding"), n.path("required").asBoolean(false),
                fields(n.get("fields")));
    }

    private static ListShape list(JsonNode n) {
        return n == null || n.isNull() ? null : new ListShape(text(n, "field"), n.path("paginated").asBoolean(false));
    }

    private static List<Field> fields(JsonNode array) {
        List<Field> fields = new ArrayList<>();
        if (array != null) {
            for (JsonNode f : array) {
                fields.add(new Field(text(f, "name"), text(f, "flag"), text(f, "type"), text(f, "itemType"),
                        strings(f.get("enumValues")), f.path("required").asBoolean(false)));
            }
        }
        return fields;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
