package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a resource the API manages as a whole (a service, a client), generated from the schema its update
 * operation accepts and shipped as {@code resources.json} beside the catalog. What declarative tools compare and
 * write: field names, types, enums, nesting, and which fields only the server sets.
 *
 * @param kind   {@code service} or {@code client}
 * @param update the command that replaces it ({@code client update}), whose body has this shape
 * @param fields its fields, in the order of the API description
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourceSchema(String kind, String update, List<SchemaField> fields) {

    public static final String RESOURCE = "resources.json";

    public ResourceSchema {
        fields = List.copyOf(fields);
    }

    public Optional<SchemaField> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The resource schemas shipped with this library, by kind. */
    public static Map<String, ResourceSchema> standard() {
        return Holder.STANDARD;
    }

    public static ResourceSchema of(String kind) {
        ResourceSchema schema = standard().get(kind);
        if (schema == null) {
            throw new IllegalArgumentException("no resource schema for '" + kind + "'");
        }
        return schema;
    }

    public static Map<String, ResourceSchema> read(InputStream json) throws IOException {
        return Catalog.mapper().readValue(json, new TypeReference<LinkedHashMap<String, ResourceSchema>>() {});
    }

    private static final class Holder {
        static final Map<String, ResourceSchema> STANDARD = load();

        private static Map<String, ResourceSchema> load() {
            try (InputStream in = ResourceSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                return Map.copyOf(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
