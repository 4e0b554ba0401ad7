package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One field of a resource's schema ({@link ResourceSchema}), nested as deep as the API describes it.
 *
 * @param name       the name on the wire
 * @param type       {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object}
 *                   ({@code object} without fields: any JSON value)
 * @param itemType   for arrays, the type of one item; otherwise null
 * @param enumValues the allowed values of a string, or of an array's items; empty when open
 * @param readOnly   set by the server; never sent, never exported
 * @param fields     the fields of an object, or of an array's object items
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SchemaField(
        String name,
        String type,
        String itemType,
        List<String> enumValues,
        boolean readOnly,
        List<SchemaField> fields) {

    public SchemaField {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    @JsonIgnore
    public boolean isArray() {
        return "array".equals(type);
    }

    /** An object, or an array of objects, whose fields are known. */
    @JsonIgnore
    public boolean hasFields() {
        return !fields.isEmpty();
    }

    public Optional<SchemaField> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }
}
