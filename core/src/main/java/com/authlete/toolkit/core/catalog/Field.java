package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One input of an operation: a path parameter, a query parameter or a top-level body field.
 *
 * @param name       the name on the wire (camelCase as in the API)
 * @param flag       the command-line flag without dashes (kebab-case), unique within its operation
 * @param type       {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object}
 * @param itemType   for arrays, the type of one item; otherwise null
 * @param enumValues the allowed values (for strings, or for the items of an array); empty when open
 * @param required   whether the API requires it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Field(String name, String flag, String type, String itemType, List<String> enumValues, boolean required) {

    public Field {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    public boolean isArray() {
        return "array".equals(type);
    }

    /** The type that a single command-line value must have: the item type for arrays. */
    public String valueType() {
        return isArray() ? (itemType == null ? "string" : itemType) : type;
    }
}
