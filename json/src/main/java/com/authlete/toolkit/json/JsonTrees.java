package com.authlete.toolkit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Jackson trees read and written with the streaming API alone, numbers exactly as written ({@code 1.10} stays
 * {@code 1.10}, 30-digit integers stay exact). Why not {@code ObjectMapper}: a command-line process pays for its
 * first use with about 20 ms of start-up (its static set-up loads date-format and locale data) and some 300 more
 * classes; reading a response or a request body into a tree needs none of that (BENCHMARKS.md).
 *
 * <p>The one place the toolkit's JSON settings live: every module reads, builds and writes trees through these
 * (the node factory, the streaming factory, and {@link #mapper()} where data binding is really needed).
 */
public final class JsonTrees {

    /** Node factory that keeps decimals exactly as parsed. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Plain JSON; output streams are left open for the caller. */
    public static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonTrees() {}

    /**
     * The one data-binding mapper: numbers exact as in {@link #NODES}, output streams left open. Made on first use,
     * since most processes never need it.
     */
    public static ObjectMapper mapper() {
        return Binding.MAPPER;
    }

    private static final class Binding {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(NODES)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }

    /**
     * The value at the parser's current token, or at its next one when it has none yet (as data binding's
     * {@code readValueAsTree}); {@link MissingNode} at the end of the input. The parser is left on the value's last token.
     */
    public static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.hasCurrentToken() ? parser.currentToken() : parser.nextToken();
        return token == null ? MissingNode.getInstance() : value(parser, token);
    }

    /** The first JSON value of the bytes (anything after it is not looked at); {@link MissingNode} when empty. */
    public static JsonNode parse(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        }
    }

    /** The JSON text as one value: trailing content is an error, as is empty text. */
    public static JsonNode parseWhole(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonNode value = read(parser);
            if (value.isMissingNode()) {
                throw new JsonParseException(parser, "No content to map due to end-of-input");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(
                        parser,
                        "Trailing token (of type " + trailing + ") found after value",
                        parser.currentTokenLocation()); // where the extra text starts
            }
            return value;
        }
    }

    /** Writes the tree to the generator, numbers exactly as held. */
    public static void write(JsonGenerator generator, JsonNode value) throws IOException {
        switch (value.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (var field : value.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : value) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(value.textValue());
            case NUMBER -> number(generator, value);
            case BOOLEAN -> generator.writeBoolean(value.booleanValue());
            case NULL -> generator.writeNull();
            case BINARY -> generator.writeBinary(value.binaryValue());
            case MISSING -> {
                // nothing: a missing value has no text
            }
            case POJO -> generator.writeString(value.asText());
        }
    }

    private static void number(JsonGenerator generator, JsonNode value) throws IOException {
        switch (value.numberType()) {
            case INT -> generator.writeNumber(value.intValue());
            case LONG -> generator.writeNumber(value.longValue());
            case BIG_INTEGER -> generator.writeNumber(value.bigIntegerValue());
            case FLOAT -> generator.writeNumber(value.floatValue());
            case DOUBLE -> generator.writeNumber(value.doubleValue());
            default -> generator.writeNumber(value.decimalValue());
        }
    }

    /** The tree as compact JSON. */
    public static byte[] bytes(JsonNode value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    /** The tree as compact JSON text (what {@code JsonNode.toString()} gives, without data binding). */
    public static String text(JsonNode value) {
        try {
            return new String(bytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
    }

    /** Writes the tree as compact JSON to the stream, which is flushed and left open. */
    public static void write(JsonNode value, OutputStream out) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, value);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT ->
                parser.getEmbeddedObject() instanceof byte[] binary
                        ? NODES.binaryNode(binary)
                        : NODES.pojoNode(parser.getEmbeddedObject());
            default ->
                throw new JsonParseException(parser, "Unexpected token (" + token + ") where a value should start");
        };
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            object.set(name, value(parser, parser.nextToken()));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(parser, token));
        }
        return array;
    }
}
