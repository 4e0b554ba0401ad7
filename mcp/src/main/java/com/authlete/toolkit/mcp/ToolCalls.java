package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.ListShape;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.MissingTokenException;
import com.authlete.toolkit.core.client.Update;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.secrets.SecretRules;
import com.authlete.toolkit.render.FieldSelector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one tool call: the arguments checked against the tool and bounded to one page, the operation called through
 * the engine (which fills the default service id, keeps the fields a partial update does not name, and refuses a
 * destructive call the server does not allow), the answer bounded and redacted by the one secret rule, every
 * failure phrased by its category as a tool error.
 */
final class ToolCalls {

    private final McpOptions options;
    private final Connector connector;
    private final ToolResults results;

    ToolCalls(McpOptions options, Connector connector) {
        this.options = options;
        this.connector = connector;
        this.results = new ToolResults(options.format());
    }

    ToolResults results() {
        return results;
    }

    /** The tool argument of reads that keeps only the fields named (the CLI's --fields). */
    static final String FIELDS = "fields";

    /** The tool argument that sends exactly the given fields (an update of a whole object otherwise keeps the others). */
    static final String REPLACE = "replace";

    CallToolResult call(Operation operation, Map<String, Object> arguments) {
        Map<String, Object> values = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        for (Field parameter : operation.parameters()) {
            if (ToolSchemas.isId(operation, parameter) && values.get(parameter.name()) instanceof Number id) {
                values.put(parameter.name(), id.toString());
            }
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(inputNames(operation));
        if (!unknown.isEmpty()) {
            return ToolResults.error("unknown argument" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; '" + ToolSet.name(operation) + "' takes " + String.join(", ", inputNames(operation)));
        }
        FieldSelector selector = null;
        if (ToolSet.readsOnly(operation) && values.containsKey(FIELDS)) {
            Object fields = values.remove(FIELDS);
            if (!(fields instanceof List<?> names)
                    || names.isEmpty()
                    || !names.stream().allMatch(String.class::isInstance)) {
                return ToolResults.error(
                        "invalid arguments: fields must be a list of field names, got '" + fields + "'");
            }
            selector = new FieldSelector(names.stream().map(String.class::cast).toList());
        }
        Update update = Update.MERGE;
        if (operation.replacesWholeObject() && values.containsKey(REPLACE)) {
            Object replace = values.remove(REPLACE);
            if (!(replace instanceof Boolean)
                    && !"true".equals(String.valueOf(replace))
                    && !"false".equals(String.valueOf(replace))) {
                return ToolResults.error("invalid arguments: replace must be true or false, got '" + replace + "'");
            }
            update = Boolean.parseBoolean(String.valueOf(replace)) ? Update.REPLACE : Update.MERGE;
        }
        List<String> notes = new ArrayList<>();
        ListShape list = operation.list();
        if (list != null && list.paginated()) {
            try {
                String bounded = boundPage(values);
                if (bounded != null) {
                    notes.add(bounded);
                }
            } catch (IllegalArgumentException e) {
                return ToolResults.error("invalid arguments: " + e.getMessage());
            }
        }
        JsonNode answer;
        try (AuthleteClient client = connector
                .builder()
                .confirmation((destructive, request) -> options.allowDestructive())
                .build()) {
            answer = client.call(operation.command(), values, update);
        } catch (AuthleteException e) {
            return ToolResults.error(phrase(operation, e));
        } catch (IllegalArgumentException e) {
            return ToolResults.error("this server's settings cannot work: " + e.getMessage());
        }
        if (answer != null && list != null) {
            answer = boundList(answer, list, values, notes);
        }
        if (answer != null) {
            Set<String> shown = SecretRules.revealed(operation, answer);
            if (!shown.isEmpty()) {
                notes.add("note: " + String.join(", ", shown)
                        + " is a newly generated secret, shown only this once and not "
                        + "redacted; tell the user to store it now");
            }
            answer = SecretRules.masked(operation, answer, Set.of());
            if (selector != null) {
                answer = selected(answer, selector, list);
            }
        }
        return results.answer(answer, notes);
    }

    /** A failure in words for the model, by its category; arguments are named as the tool names them. */
    static String phrase(Operation operation, AuthleteException e) {
        return switch (e.category()) {
            case BAD_INPUT ->
                "invalid arguments: "
                        + (e instanceof InvalidInputException input
                                        && input.field().isPresent()
                                ? (input.isMissing()
                                        ? "the argument " + input.field().get().name() + " is required"
                                        : "the argument " + input.field().get().name() + " "
                                                + input.problem().orElse("is not valid"))
                                : e.getMessage());
            case CANCELLED ->
                "refused: '" + ToolSet.name(operation) + "' deletes or revokes, and this server was started without "
                        + "permission for that; ask the user to run it with 'authlete " + operation.command()
                        + "' or to restart the "
                        + "MCP server with --allow-destructive";
            case NOT_AUTHENTICATED ->
                e instanceof MissingTokenException
                        ? "not authenticated: this MCP server has no API token; ask the user to run 'authlete auth login' or to set "
                                + "AUTHLETE_BEARER in the server's environment, then call again"
                        : e.status() == 0
                                ? "not authenticated: " + e.getMessage()
                                : "not authenticated: the Authlete API refused the token (HTTP " + e.status() + ")"
                                        + apiDetails(e);
            case NETWORK -> "could not reach the Authlete API: " + e.getMessage();
            case PAGING -> e.getMessage();
            default ->
                e.status() == 0
                        ? e.getMessage()
                        : "the Authlete API answered HTTP " + e.status() + apiDetails(e)
                                + (e.resultCode().isEmpty() && e.resultMessage().isEmpty()
                                        ? ": " + e.getMessage()
                                        : "");
        };
    }

    private static String apiDetails(AuthleteException e) {
        StringBuilder text = new StringBuilder();
        e.resultCode().ifPresent(code -> text.append("; resultCode: ").append(code));
        e.resultMessage().ifPresent(message -> text.append("; resultMessage: ").append(message));
        return text.toString();
    }

    static List<String> inputNames(Operation operation) {
        List<String> names = Stream.concat(
                        operation.parameters().stream(),
                        operation.requestBody().stream().flatMap(body -> body.fields().stream()))
                .map(Field::name)
                .distinct()
                .collect(Collectors.toList());
        if (operation.replacesWholeObject()) {
            names.add(REPLACE);
        }
        if (ToolSet.readsOnly(operation)) {
            names.add(FIELDS);
        }
        return names;
    }

    /** The fields asked for: of each item of a list (its paging members kept), else of the answer. */
    private static JsonNode selected(JsonNode answer, FieldSelector selector, ListShape list) {
        if (list != null && answer.path(list.field()).isArray()) {
            ObjectNode copy = ((ObjectNode) answer).deepCopy();
            copy.set(list.field(), selector.apply(answer.get(list.field())));
            return copy;
        }
        return selector.apply(answer);
    }

    /** Asks for at most one page of {@code pageLimit} items; says so when the caller asked for more. */
    private String boundPage(Map<String, Object> values) {
        long start = number(values.get("start"), 0);
        long end = number(values.get("end"), start + options.pageLimit());
        values.put("start", start);
        if (end - start > options.pageLimit()) {
            values.put("end", start + options.pageLimit());
            return "note: asked for " + (end - start) + " items; one call returns at most " + options.pageLimit();
        }
        values.put("end", end);
        return null;
    }

    private static long number(Object value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n
                    ? n.longValue()
                    : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("start and end must be whole numbers, got '" + value + "'");
        }
    }

    /** Long unpaginated lists are cut to the page limit; paginated ones say where the next page starts. */
    private JsonNode boundList(JsonNode answer, ListShape list, Map<String, Object> values, List<String> notes) {
        JsonNode items = answer.path(list.field());
        if (!items.isArray()) {
            return answer;
        }
        if (list.paginated()) {
            long start = number(values.get("start"), 0);
            long next = start + items.size();
            long total = answer.path("totalCount").asLong(-1);
            if (items.size() > 0 && (total < 0 || next < total)) {
                notes.add("note: items " + start + " to " + (next - 1) + (total >= 0 ? " of " + total : "")
                        + "; for more, call again with start=" + next);
            }
            return answer;
        }
        if (items.size() <= options.pageLimit()) {
            return answer;
        }
        ObjectNode cut = ((ObjectNode) answer).deepCopy();
        ArrayNode kept = cut.putArray(list.field());
        for (int i = 0; i < options.pageLimit(); i++) {
            kept.add(items.get(i));
        }
        notes.add("note: showing the first " + options.pageLimit() + " of " + items.size() + " " + list.field()
                + "; this operation has no paging, so narrow the request to see the others");
        return cut;
    }
}
