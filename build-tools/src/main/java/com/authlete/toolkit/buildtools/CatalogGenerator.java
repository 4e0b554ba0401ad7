package com.authlete.toolkit.buildtools;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.ListShape;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.catalog.RequestBody;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates the operation catalog from an OpenAPI 3.0 description.
 *
 * <p>Run by {@code CatalogDriftTest}: it fails when the committed catalog differs from a fresh generation, and
 * rewrites the committed file when {@code -Dcatalog.update=true} is given (see {@code scripts/regenerate-catalog}).
 */
public final class CatalogGenerator {

    /**
     * A body field whose flag would equal a path or query parameter's flag of the same operation is given this
     * prefix ({@code --body-client-id}). Front ends' own flags are theirs to keep clear of (the CLI's code generator
     * does).
     */
    static final String COLLISION_PREFIX = "body-";

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final OpenApiDocument document;
    private final CommandNaming naming;

    public CatalogGenerator(JsonNode openApi, CommandNaming naming) {
        this.document = new OpenApiDocument(openApi);
        this.naming = naming;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CatalogGenerator <openapi.yaml> <command-names.tsv> <catalog.json>");
            System.exit(2);
        }
        byte[] json = generate(Path.of(args[0]), Path.of(args[1]));
        Path target = Path.of(args[2]);
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "catalog", ".tmp");
        Files.write(temporary, json);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the description and the naming table, and returns the catalog file's bytes. */
    public static byte[] generate(Path openApi, Path namingTable) throws IOException {
        JsonNode spec = new YAMLMapper().readTree(openApi.toFile());
        Catalog catalog = new CatalogGenerator(spec, CommandNaming.fromFile(namingTable)).catalog();
        return write(catalog);
    }

    static byte[] write(Catalog catalog) throws IOException {
        ObjectMapper mapper = Catalog.mapper();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String text = mapper.writer(printer).writeValueAsString(catalog) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public Catalog catalog() {
        JsonNode root = document.root();
        List<String> servers = new ArrayList<>();
        root.path("servers").forEach(server -> servers.add(server.path("url").asText()));
        List<Operation> operations = new ArrayList<>();
        Set<String> seenCommands = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                Operation operation = operation(path.getKey(), method.toUpperCase(Locale.ROOT), path.getValue(), op);
                add(operations, seenCommands, operation);
                naming.variant(operation.method(), operation.path())
                        .map(variant -> withVariant(operation, variant))
                        .ifPresent(variant -> add(operations, seenCommands, variant));
            }
        }
        Map<String, String> aliases = naming.aliases();
        for (String alias : aliases.keySet()) {
            if (seenCommands.contains(alias)) {
                throw new IllegalStateException("alias '" + alias + "' is also a command");
            }
        }
        return new Catalog(
                root.path("info").path("version").asText(),
                servers,
                withReadCurrent(distinctSummaries(operations)),
                aliases);
    }

    /**
     * Marks the updates that replace a whole object: the last command word starts with {@code update}, the operation
     * takes a body, and a GET named {@code get} in the same group reads the object with path parameters the update
     * also has. A partial update reads the object with it first and keeps the fields it does not name.
     */
    static List<Operation> withReadCurrent(List<Operation> operations) {
        Map<String, Operation> byCommand = new HashMap<>();
        operations.forEach(operation -> byCommand.put(operation.command(), operation));
        List<Operation> marked = new ArrayList<>();
        for (Operation operation : operations) {
            List<String> words = operation.words();
            String verb = words.get(words.size() - 1);
            Operation get = byCommand.get(String.join(" ", words.subList(0, words.size() - 1)) + " get");
            Set<String> available = new HashSet<>();
            operation.pathParameters().forEach(parameter -> available.add(parameter.name()));
            boolean replaces = verb.startsWith("update")
                    && operation.body() != null
                    && get != null
                    && get.method().equals("GET")
                    && get.pathParameters().stream().allMatch(parameter -> available.contains(parameter.name()));
            marked.add(replaces ? operation.withReadCurrent(get.command()) : operation);
        }
        return marked;
    }

    /**
     * Summaries as help shows them: without the description's decorations (a "⚡" on destructive operations, which
     * help marks in words instead), and told apart where two commands of one group would read the same (an
     * {@code update} and its {@code update-form} variant, a GET and its {@code -post} twin) by method or body.
     */
    static List<Operation> distinctSummaries(List<Operation> operations) {
        Map<String, List<Operation>> alike = new LinkedHashMap<>();
        for (Operation operation : operations) {
            alike.computeIfAbsent(
                            groupOf(operation) + "\u0000"
                                    + cleanSummary(operation.summary()).toLowerCase(Locale.ROOT),
                            key -> new ArrayList<>())
                    .add(operation);
        }
        List<Operation> result = new ArrayList<>();
        for (Operation operation : operations) {
            String summary = cleanSummary(operation.summary());
            List<Operation> same = alike.get(groupOf(operation) + "\u0000" + summary.toLowerCase(Locale.ROOT));
            if (summary != null && same.size() > 1) {
                List<String> qualifiers = new ArrayList<>();
                if (same.stream().map(Operation::method).distinct().count() > 1) {
                    qualifiers.add(operation.method());
                }
                if (same.stream().allMatch(o -> o.body() != null)
                        && same.stream()
                                        .map(o -> o.body().encoding())
                                        .distinct()
                                        .count()
                                > 1) {
                    qualifiers.add(
                            RequestBody.FORM.equals(operation.body().encoding()) ? "form-encoded body" : "JSON body");
                }
                summary = qualifiers.isEmpty() ? summary : summary + " (" + String.join(", ", qualifiers) + ")";
            }
            result.add(operation.withSummary(summary));
        }
        return result;
    }

    private static String groupOf(Operation operation) {
        return String.join(" ", operation.words().subList(0, operation.words().size() - 1));
    }

    private static String cleanSummary(String summary) {
        return summary == null
                ? null
                : summary.replace("\u26a1", "").replaceAll("\\s+", " ").strip();
    }

    private static void add(List<Operation> operations, Set<String> seen, Operation operation) {
        if (!seen.add(operation.command())) {
            throw new IllegalStateException("two operations are named '" + operation.command() + "'");
        }
        operations.add(operation);
    }

    private Operation operation(String path, String method, JsonNode pathItem, JsonNode op) {
        List<String> words = naming.words(
                method,
                path,
                text(op, "x-speakeasy-group"),
                text(op, "x-speakeasy-name-override"),
                op.path("tags").path(0).asText(null),
                text(op, "operationId"));
        List<Field> pathParameters = new ArrayList<>();
        List<Field> queryParameters = new ArrayList<>();
        for (JsonNode parameters : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode raw : parameters) {
                JsonNode parameter = document.resolve(raw);
                String in = parameter.path("in").asText();
                if ("path".equals(in)) {
                    pathParameters.add(parameterField(parameter, true));
                } else if ("query".equals(in)) {
                    queryParameters.add(
                            parameterField(parameter, parameter.path("required").asBoolean(false)));
                }
            }
        }
        pathParameters.sort(
                (a, b) -> Integer.compare(path.indexOf("{" + a.name() + "}"), path.indexOf("{" + b.name() + "}")));
        Set<String> taken = new HashSet<>();
        for (Field parameter : concat(pathParameters, queryParameters)) {
            if (!taken.add(parameter.flag())) {
                throw new IllegalStateException(
                        method + " " + path + ": flag --" + parameter.flag() + " is taken twice");
            }
        }
        boolean authenticated = !op.has("security") || !op.path("security").isEmpty();
        return new Operation(
                words,
                text(op, "summary"),
                text(op, "operationId"),
                method,
                path,
                authenticated,
                pathParameters,
                queryParameters,
                requestBody(method, path, op, taken),
                listShape(method, path, op),
                destructive(words) || rotatesSecret(path),
                rotatesSecret(path),
                null);
    }

    /**
     * Deletes or revokes something, so front ends ask first: the last command word is {@code delete} or
     * {@code revoke}, or starts with {@code delete-} or {@code revoke-}. A secret is revealed by the operations under
     * {@code /client/secret/} (refresh and update), whose answer is the only place the new secret is shown.
     */
    /**
     * Replaces a client's secret (refresh or update): the old one stops working at once, for every program that
     * uses it, so it counts as destructive too.
     */
    static boolean rotatesSecret(String path) {
        return path.contains("/client/secret/");
    }

    static boolean destructive(List<String> words) {
        String verb = words.get(words.size() - 1);
        return verb.equals("delete")
                || verb.equals("revoke")
                || verb.startsWith("delete-")
                || verb.startsWith("revoke-");
    }

    private static List<Field> concat(List<Field> a, List<Field> b) {
        List<Field> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Field parameterField(JsonNode parameter, boolean required) {
        String name = parameter.path("name").asText();
        return field(name, CommandNaming.kebab(name), parameter.path("schema"), required);
    }

    private RequestBody requestBody(String method, String path, JsonNode op, Set<String> taken) {
        JsonNode body = document.resolve(op.path("requestBody"));
        if (body == null || body.isMissingNode() || !body.has("content")) {
            return null;
        }
        List<String> contentTypes = new ArrayList<>();
        body.path("content").fieldNames().forEachRemaining(contentTypes::add);
        String encoding = contentTypes.contains("application/json") ? RequestBody.JSON : RequestBody.FORM;
        JsonNode schema = body.path("content").path(contentTypes.get(0)).path("schema");
        OpenApiDocument.FlatSchema flat = document.flatten(schema);
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : flat.properties().entrySet()) {
            String name = property.getKey();
            String flag = CommandNaming.kebab(name);
            if (taken.contains(flag)) {
                flag = COLLISION_PREFIX + flag;
            }
            if (!taken.add(flag)) {
                throw new IllegalStateException(method + " " + path + ": body flag --" + flag + " is taken twice");
            }
            fields.add(field(name, flag, property.getValue(), flat.required().contains(name)));
        }
        return new RequestBody(contentTypes, encoding, body.path("required").asBoolean(false), fields);
    }

    private Field field(String name, String flag, JsonNode rawSchema, boolean required) {
        JsonNode schema = document.resolve(rawSchema);
        String type = typeOf(schema);
        String itemType = null;
        List<String> enumValues = enumValues(schema);
        if ("array".equals(type)) {
            JsonNode items = document.resolve(schema.path("items"));
            itemType = items == null || items.isMissingNode() ? "string" : typeOf(items);
            enumValues = items == null ? List.of() : enumValues(items);
        }
        boolean serverSet = rawSchema.path("readOnly").asBoolean(false)
                || schema.path("readOnly").asBoolean(false);
        return new Field(name, flag, type, itemType, enumValues, required, serverSet);
    }

    /** The declared type; an enum without one is a string; anything else (allOf, oneOf, no constraint) any JSON. */
    static String typeOf(JsonNode schema) {
        String declared = schema.path("type").asText("");
        if (!declared.isEmpty()) {
            return declared;
        }
        if (schema.has("enum")) {
            return "string";
        }
        // allOf/oneOf/properties, or no constraint at all: accept any JSON text.
        return "object";
    }

    static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(value -> {
            if (!value.isNull()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private ListShape listShape(String method, String path, JsonNode op) {
        JsonNode ok = document.resolve(op.path("responses").path("200"));
        if (ok == null) {
            return null;
        }
        JsonNode schema = ok.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        OpenApiDocument.FlatSchema flat = document.flatten(schema);
        Map<String, JsonNode> properties = flat.properties();
        List<String> objectArrays = new ArrayList<>();
        properties.forEach((name, property) -> {
            JsonNode resolved = document.resolve(property);
            if ("array".equals(resolved.path("type").asText())
                    && document.flatten(resolved.path("items")).isObject()) {
                objectArrays.add(name);
            }
        });
        boolean paginated = properties.keySet().containsAll(List.of("start", "end", "totalCount"));
        boolean listPath = "GET".equals(method) && path.endsWith("/list");
        if (objectArrays.size() == 1 && (paginated || listPath)) {
            return new ListShape(objectArrays.get(0), paginated);
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Operation withVariant(Operation operation, CommandNaming.Variant variant) {
        RequestBody body = operation.body();
        if (body == null || !body.contentTypes().contains(mediaType(variant.encoding()))) {
            throw new IllegalStateException("variant '" + String.join(" ", variant.words())
                    + "' asks for an encoding the operation does not accept");
        }
        RequestBody encoded = new RequestBody(body.contentTypes(), variant.encoding(), body.required(), body.fields());
        return operation.withWordsAndBody(variant.words(), encoded);
    }

    private static String mediaType(String encoding) {
        return RequestBody.FORM.equals(encoding) ? "application/x-www-form-urlencoded" : "application/json";
    }
}
