package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every operation within reach without listing them all: {@code search_operations} finds operations by words,
 * {@code describe_operation} gives one's input schema (what its own tool would have), and {@code call_operation}
 * calls it with exactly the checks its tool would get (the schema, read-only, destructive gating, partial updates,
 * the secret rule). The three together are a few KB, against about 160 KB for every operation as a tool.
 */
final class DiscoveryTools {

    static final String SEARCH = "search_operations";
    static final String DESCRIBE = "describe_operation";
    static final String CALL = "call_operation";

    private static final int DEFAULT_RESULTS = 8;
    private static final int MAX_RESULTS = 20;
    private static final Set<String> FILLER =
            Set.of("a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "my");

    private final List<Operation> operations;
    private final ToolSchemas schemas;
    private final ToolCalls calls;
    private final McpOptions options;
    private final JsonSchemaValidator validator = new DefaultJsonSchemaValidator(JsonTrees.mapper());

    DiscoveryTools(Catalog catalog, McpOptions options, ToolSchemas schemas, ToolCalls calls) {
        this.operations = ToolSet.callable(catalog, options);
        this.schemas = schemas;
        this.calls = calls;
        this.options = options;
    }

    /** The three tools' definitions. */
    List<McpSchema.Tool> tools() {
        return List.of(
                tool(
                        SEARCH,
                        "Find Authlete API operations by what they do (words such as 'client secret' or 'revoke token'):"
                                + " names, summaries and whether they read, write or delete. Then describe_operation"
                                + " for the arguments, and call_operation to run one.",
                        Map.of(
                                "query",
                                Map.of("type", "string", "description", "Words describing the operation wanted."),
                                "limit",
                                Map.of(
                                        "type",
                                        "integer",
                                        "minimum",
                                        1,
                                        "maximum",
                                        MAX_RESULTS,
                                        "description",
                                        "Most operations returned (default " + DEFAULT_RESULTS + ").")),
                        List.of("query"),
                        true),
                tool(
                        DESCRIBE,
                        "The description and the JSON Schema of the arguments of one operation (by the name"
                                + " search_operations gives, such as client_update), to call it with call_operation.",
                        Map.of("operation", Map.of("type", "string", "description", "The operation's name.")),
                        List.of("operation"),
                        true),
                tool(
                        CALL,
                        "Call any operation by name with its arguments, checked against its schema as its own tool"
                                + " would be. Updates of a whole object change only the fields given (replace=true"
                                + " sends exactly them); operations that delete, revoke or rotate a secret run only if"
                                + " this server allows it.",
                        Map.of(
                                "operation",
                                Map.of("type", "string", "description", "The operation's name, such as client_update."),
                                "arguments",
                                Map.of(
                                        "type",
                                        "object",
                                        "description",
                                        "The operation's arguments, as describe_operation lists them.")),
                        List.of("operation"),
                        false));
    }

    private static McpSchema.Tool tool(
            String name, String description, Map<String, Object> properties, List<String> required, boolean reads) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return McpSchema.Tool.builder()
                .name(name)
                .title(name.replace('_', ' '))
                .description(description)
                .inputSchema(schema)
                .annotations(new McpSchema.ToolAnnotations(null, reads, reads ? null : true, false, false, null))
                .build();
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        return switch (tool) {
            case SEARCH -> search(String.valueOf(given.getOrDefault("query", "")), given.get("limit"));
            case DESCRIBE -> describe(String.valueOf(given.getOrDefault("operation", "")));
            default -> callOperation(String.valueOf(given.getOrDefault("operation", "")), given.get("arguments"));
        };
    }

    private CallToolResult search(String query, Object limitArgument) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return ToolResults.error("invalid arguments: query needs at least one word");
        }
        int limit =
                limitArgument instanceof Number n ? Math.max(1, Math.min(MAX_RESULTS, n.intValue())) : DEFAULT_RESULTS;
        Map<Operation, Integer> scores = new LinkedHashMap<>();
        for (Operation operation : operations) {
            int score = score(operation, words);
            if (score > 0) {
                scores.put(operation, score);
            }
        }
        List<Operation> best = scores.entrySet().stream()
                .sorted(Map.Entry.<Operation, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        if (best.isEmpty()) {
            return ToolResults.error("no operation matches '" + query + "'; try other words (such as client, token,"
                    + " scope, secret, service)");
        }
        ArrayNode rows = JsonTrees.NODES.arrayNode();
        for (Operation operation : best) {
            rows.addObject()
                    .put("name", ToolSet.name(operation))
                    .put("summary", operation.summary())
                    .put("access", access(operation))
                    .put("request", operation.method() + " " + operation.path());
        }
        ObjectNode answer = JsonTrees.NODES.objectNode();
        answer.set("operations", rows);
        return calls.results().answer(answer, List.of());
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty() && !FILLER.contains(word))
                .toList();
    }

    /** Words in the command count most, then in the summary, then in the path and the argument names. */
    private static int score(Operation operation, List<String> words) {
        List<String> command = words(String.join(" ", operation.words()));
        List<String> summary = words(operation.summary() == null ? "" : operation.summary());
        String rest = (operation.path() + " "
                        + operation.parameters().stream().map(Field::name).collect(Collectors.joining(" ")) + " "
                        + operation.bodyFields().stream().map(Field::name).collect(Collectors.joining(" ")))
                .toLowerCase(Locale.ROOT);
        int score = 0;
        for (String word : words) {
            String stem = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
            if (command.stream().anyMatch(w -> w.startsWith(stem))) {
                score += 3;
            } else if (summary.stream().anyMatch(w -> w.startsWith(stem))) {
                score += 2;
            } else if (rest.contains(stem)) {
                score += 1;
            }
        }
        return score;
    }

    private static String access(Operation operation) {
        return ToolSet.readsOnly(operation) ? "read" : operation.destructive() ? "destructive" : "write";
    }

    private CallToolResult describe(String name) {
        Optional<Operation> operation = find(name);
        if (operation.isEmpty()) {
            return unknown(name);
        }
        ObjectNode answer = JsonTrees.NODES.objectNode();
        answer.put("name", ToolSet.name(operation.get()));
        answer.put("description", ToolDescriptions.describe(operation.get(), options));
        answer.put("access", access(operation.get()));
        answer.set("inputSchema", JsonTrees.mapper().valueToTree(schemas.input(operation.get())));
        try {
            // The schema is for a program to read: JSON whatever the result format.
            return CallToolResult.builder()
                    .isError(false)
                    .addTextContent(JsonTrees.mapper().writeValueAsString(answer))
                    .build();
        } catch (JsonProcessingException e) {
            return ToolResults.error("could not write the schema: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private CallToolResult callOperation(String name, Object arguments) {
        Optional<Operation> operation = find(name);
        if (operation.isEmpty()) {
            return unknown(name);
        }
        if (arguments != null && !(arguments instanceof Map)) {
            return ToolResults.error("invalid arguments: 'arguments' must be an object of the operation's arguments");
        }
        Map<String, Object> values = arguments == null ? Map.of() : (Map<String, Object>) arguments;
        JsonSchemaValidator.ValidationResponse check = validator.validate(schemas.input(operation.get()), values);
        if (!check.valid()) {
            return ToolResults.error("invalid arguments for " + ToolSet.name(operation.get()) + ": "
                    + check.errorMessage() + " (describe_operation shows its schema)");
        }
        return calls.call(operation.get(), values);
    }

    private Optional<Operation> find(String name) {
        String wanted = name.strip();
        return operations.stream()
                .filter(operation -> ToolSet.name(operation).equals(wanted)
                        || operation.command().equals(wanted))
                .findFirst();
    }

    private CallToolResult unknown(String name) {
        List<String> near = new ArrayList<>();
        for (Operation operation : operations) {
            if (score(operation, words(name)) >= 3 && near.size() < 5) {
                near.add(ToolSet.name(operation));
            }
        }
        return ToolResults.error("no operation '" + name + "'" + (options.readOnly() ? " that reads only" : "")
                + (near.isEmpty()
                        ? "; search_operations finds them"
                        : "; did you mean " + String.join(", ", near) + "?"));
    }
}
