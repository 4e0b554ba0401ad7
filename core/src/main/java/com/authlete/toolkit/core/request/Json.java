package com.authlete.toolkit.core.request;

import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** JSON parsing that keeps numbers exactly as written (no double rounding of 1.10 or of 30-digit integers). */
final class Json {

    private Json() {}

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

    /** Parses the JSON text given for an object-valued field; a fault names the field. */
    static JsonNode parse(Field field, String text) throws InvalidInputException {
        try {
            return JsonTrees.parseWhole(text);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.invalid(field, "is not valid JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw InvalidInputException.invalid(field, "cannot be read: " + e.getMessage());
        }
    }

    /** Java values (maps, lists, numbers) given by library callers, as a tree. */
    static JsonNode tree(Object value) {
        return JsonTrees.mapper().valueToTree(value);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }
}
