package com.authlete.toolkit.buildtools;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.core.catalog.SchemaField;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates {@code resources.json}: the full, nested shape of each resource that declarative tools manage, taken
 * from the JSON body schema of the operation that replaces it. Run by {@code CatalogDriftTest} with the catalog.
 */
public final class ResourceSchemaGenerator {

    /** Kinds, and the command whose body is the resource. */
    static final Map<String, String> KINDS = Map.of("service", "service update", "client", "client update");

    /** Deeper than any resource the API describes; a guard against a schema that refers to itself. */
    private static final int MAX_DEPTH = 8;

    private final OpenApiDocument document;
    private final Catalog catalog;

    ResourceSchemaGenerator(JsonNode openApi, Catalog catalog) {
        this.document = new OpenApiDocument(openApi);
        this.catalog = catalog;
    }

    public static byte[] generate(Path openApi, Path namingTable) throws IOException {
        JsonNode spec = new YAMLMapper().readTree(openApi.toFile());
        Catalog catalog = new CatalogGenerator(spec, CommandNaming.fromFile(namingTable)).catalog();
        Map<String, ResourceSchema> schemas = new ResourceSchemaGenerator(spec, catalog).schemas();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return (Catalog.mapper().writer(printer).writeValueAsString(schemas) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    Map<String, ResourceSchema> schemas() {
        Map<String, ResourceSchema> schemas = new LinkedHashMap<>();
        for (String kind : List.of("service", "client")) {
            String command = KINDS.get(kind);
            Operation update =
                    catalog.find(command).orElseThrow(() -> new IllegalStateException("no command '" + command + "'"));
            JsonNode operation = document.root()
                    .path("paths")
                    .path(update.path())
                    .path(update.method().toLowerCase(Locale.ROOT));
            JsonNode body = document.resolve(operation.path("requestBody"))
                    .path("content")
                    .path("application/json")
                    .path("schema");
            if (body.isMissingNode()) {
                throw new IllegalStateException("'" + command + "' takes no JSON body");
            }
            schemas.put(kind, new ResourceSchema(kind, command, fields(body, 0)));
        }
        return schemas;
    }

    private List<SchemaField> fields(JsonNode schema, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("resource schema nested deeper than " + MAX_DEPTH);
        }
        List<SchemaField> fields = new ArrayList<>();
        document.flatten(schema).properties().forEach((name, raw) -> fields.add(field(name, raw, depth)));
        return fields;
    }

    private SchemaField field(String name, JsonNode raw, int depth) {
        JsonNode schema = document.resolve(raw);
        boolean readOnly =
                raw.path("readOnly").asBoolean(false) || schema.path("readOnly").asBoolean(false);
        String type = CatalogGenerator.typeOf(schema);
        if ("array".equals(type)) {
            JsonNode items = document.resolve(schema.path("items"));
            boolean objects = items != null
                    && !items.isMissingNode()
                    && !document.flatten(items).properties().isEmpty();
            String itemType = items == null || items.isMissingNode()
                    ? "string"
                    : objects ? "object" : CatalogGenerator.typeOf(items);
            return new SchemaField(
                    name,
                    type,
                    itemType,
                    items == null ? List.of() : CatalogGenerator.enumValues(items),
                    readOnly,
                    objects ? fields(items, depth + 1) : List.of());
        }
        boolean objects = !document.flatten(schema).properties().isEmpty();
        return new SchemaField(
                name,
                objects ? "object" : type,
                null,
                CatalogGenerator.enumValues(schema),
                readOnly,
                objects ? fields(schema, depth + 1) : List.of());
    }
}
