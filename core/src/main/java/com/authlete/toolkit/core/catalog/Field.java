package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param serverSet  whether only the server sets it (the API description's {@code readOnly}, such as a client's
 *                   {@code clientSecret}): a partial update does not send it back
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Field(
        String name,
        String flag,
        String type,
        String itemType,
        List<String> enumValues,
        boolean required,
        Boolean serverSet) {

    public Field {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        serverSet = Boolean.TRUE.equals(serverSet) ? Boolean.TRUE : null; // written only where true
    }

    /** Whether only the server sets this field. */
    @JsonIgnore
    public boolean isServerSet() {
        return serverSet != null;
    }

    @JsonIgnore
    public boolean isArray() {
        return "array".equals(type);
    }

    /** The type that a single command-line value must have: the item type for arrays. */
    public String valueType() {
        return isArray() ? (itemType == null ? "string" : itemType) : type;
    }
}
