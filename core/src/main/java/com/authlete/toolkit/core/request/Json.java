package com.authlete.toolkit.core.request;

import com.authlete.toolkit.core.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** JSON parsing that keeps numbers exactly as written (no double rounding of 1.10 or of 30-digit integers). */
final class Json {

    private Json() {
    }

    /** Parses JSON text; {@code what} names its origin in the error message, such as {@code --body}. */
    static JsonNode parse(String text, String what) throws InvalidInputException {
        try {
            return JsonTrees.parseWhole(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(what + " is not valid JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw new InvalidInputException(what + " cannot be read: " + e.getMessage());
        }
    }

    /** Java values (maps, lists, numbers) given by library callers, as a tree. */
    static JsonNode tree(Object value) {
        return Binding.MAPPER.valueToTree(value);
    }

    /** Data binding, only for Java values handed in by library callers: the CLI's paths never need it. */
    private static final class Binding {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonTrees.NODES)
                .build();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
