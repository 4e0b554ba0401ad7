package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the catalog resource, or only what one command needs (its operation, and the servers) for a CLI that runs
 * one command per process: binding the whole catalog costs about 100 ms at start-up, skipping through it a few.
 * Only Jackson's streaming parser is used: data binding's first use (its classes and their static set-up) would
 * cost more than the reading itself.
 */
final class CatalogSlice {

    private CatalogSlice() {}

    static Catalog read(String command) {
        return read(command::equals);
    }

    /** The servers and aliases only, no operation: what connecting needs. */
    static Catalog none() {
        return read(command -> false);
    }

    /** The whole catalog, read the same way. */
    static Catalog all() {
        return read(command -> true);
    }

    private static Catalog read(Predicate<String> wanted) {
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE);
                JsonParser parser = new JsonFactory().createParser(in)) {
            String apiVersion = null;
            List<String> servers = List.of();
            List<Operation> operations = new ArrayList<>();
            Map<String, String> aliases = new HashMap<>();
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "apiVersion" -> apiVersion = parser.getText();
                    case "servers" -> servers = strings(parser);
                    case "aliases" -> {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String alias = parser.currentName();
                            parser.nextToken();
                            aliases.put(alias, parser.getText());
                        }
                    }
                    case "operations" -> {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            Operation operation = matching(parser, wanted);
                            if (operation != null) {
                                operations.add(operation);
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return new Catalog(apiVersion, servers, operations, aliases);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read the catalog resource", e));
        }
    }

    /** The operation the parser is on when its command is wanted (words come first); otherwise skipped. */
    private static Operation matching(JsonParser parser, Predicate<String> wanted) throws IOException {
        Map<String, Object> values = new HashMap<>();
        boolean matches = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("words")) {
                List<String> words = strings(parser);
                matches = wanted.test(String.join(" ", words));
                values.put(name, words);
            } else if (!matches) {
                parser.skipChildren();
            } else {
                switch (name) {
                    case "pathParameters", "queryParameters" -> values.put(name, fields(parser));
                    case "body" -> values.put(name, body(parser));
                    case "list" -> values.put(name, list(parser));
                    case "authenticated", "destructive", "revealsSecret" ->
                        values.put(name, parser.getValueAsBoolean());
                    default -> values.put(name, scalar(parser));
                }
            }
        }
        if (!matches) {
            return null;
        }
        return new Operation(
                strings(values.get("words")),
                (String) values.get("summary"),
                (String) values.get("operationId"),
                (String) values.get("method"),
                (String) values.get("path"),
                Boolean.TRUE.equals(values.get("authenticated")),
                fieldList(values.get("pathParameters")),
                fieldList(values.get("queryParameters")),
                (RequestBody) values.get("body"),
                (ListShape) values.get("list"),
                Boolean.TRUE.equals(values.get("destructive")),
                Boolean.TRUE.equals(values.get("revealsSecret")),
                (String) values.get("readCurrent"));
    }

    private static RequestBody body(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        List<String> contentTypes = List.of();
        String encoding = null;
        boolean required = false;
        List<Field> fields = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "contentTypes" -> contentTypes = strings(parser);
                case "encoding" -> encoding = scalar(parser);
                case "required" -> required = parser.getValueAsBoolean();
                case "fields" -> fields = fields(parser);
                default -> parser.skipChildren();
            }
        }
        return new RequestBody(contentTypes, encoding, required, fields);
    }

    private static ListShape list(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String field = null;
        boolean paginated = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "field" -> field = scalar(parser);
                case "paginated" -> paginated = parser.getValueAsBoolean();
                default -> parser.skipChildren();
            }
        }
        return new ListShape(field, paginated);
    }

    private static List<Field> fields(JsonParser parser) throws IOException {
        List<Field> fields = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return fields;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String flag = null;
            String type = null;
            String itemType = null;
            List<String> enumValues = List.of();
            boolean required = false;
            boolean serverSet = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                switch (key) {
                    case "name" -> name = scalar(parser);
                    case "flag" -> flag = scalar(parser);
                    case "type" -> type = scalar(parser);
                    case "itemType" -> itemType = scalar(parser);
                    case "enumValues" -> enumValues = strings(parser);
                    case "required" -> required = parser.getValueAsBoolean();
                    case "serverSet" -> serverSet = parser.getValueAsBoolean();
                    default -> parser.skipChildren();
                }
            }
            fields.add(new Field(name, flag, type, itemType, enumValues, required, serverSet));
        }
        return fields;
    }

    /** The strings of the array the parser is on (an empty list for null). */
    private static List<String> strings(JsonParser parser) throws IOException {
        List<String> values = new ArrayList<>();
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                values.add(parser.getText());
            }
        } else {
            parser.skipChildren();
        }
        return values;
    }

    private static String scalar(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            parser.skipChildren();
            return null;
        }
        return parser.getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Field> fieldList(Object value) {
        return value == null ? new ArrayList<>() : (List<Field>) value;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
