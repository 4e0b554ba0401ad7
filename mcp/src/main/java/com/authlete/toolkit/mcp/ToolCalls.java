package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.ListShape;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.client.AuthleteApiException;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.AuthleteException;
import com.authlete.toolkit.core.client.AuthleteInputException;
import com.authlete.toolkit.core.client.AuthleteNetworkException;
import com.authlete.toolkit.transport.redact.TreeRedactor;
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
 * Runs one tool call: the arguments checked and completed (default service id, bounded paging), the operation
 * called through a fresh client, the answer bounded and redacted, every failure turned into a tool error.
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

    CallToolResult call(Operation operation, Map<String, Object> arguments) {
        if (operation.destructive() && !options.allowDestructive()) {
            return ToolResults.error("refused: '" + ToolSet.name(operation) + "' deletes or revokes, and this server was started "
                    + "without --allow-destructive; ask the user to run it with 'authlete " + operation.command() + "' or to restart "
                    + "the server with --allow-destructive");
        }
        Map<String, Object> values = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(inputNames(operation));
        if (!unknown.isEmpty()) {
            return ToolResults.error("unknown argument" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; '" + ToolSet.name(operation) + "' takes " + String.join(", ", inputNames(operation)));
        }
        List<String> notes = new ArrayList<>();
        if (options.defaultServiceId() != null && !values.containsKey("serviceId")
                && operation.parameters().stream().anyMatch(p -> p.name().equals("serviceId"))) {
            values.put("serviceId", options.defaultServiceId());
        }
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
        try (AuthleteClient client = connector.open()) {
            answer = client.call(operation.command(), values);
        } catch (AuthleteApiException e) {
            return ToolResults.error(apiError(e));
        } catch (AuthleteInputException e) {
            return ToolResults.error("invalid arguments: " + e.getMessage());
        } catch (AuthleteNetworkException e) {
            return ToolResults.error("could not reach the Authlete API: " + e.getMessage());
        } catch (AuthleteException e) {
            return ToolResults.error(e.getMessage());
        } catch (Exception e) {
            // No token, an unknown profile, a bad server setting: said as the CLI says them.
            return ToolResults.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (answer != null && list != null) {
            answer = boundList(answer, list, values, notes);
        }
        if (answer != null) {
            Set<String> shown = operation.revealsSecret() ? newSecrets(answer) : Set.of();
            if (!shown.isEmpty()) {
                notes.add("note: " + String.join(", ", shown) + " is a newly generated secret, shown only this once and not "
                        + "redacted; tell the user to store it now");
            }
            answer = TreeRedactor.redact(answer, shown);
        }
        return results.answer(answer, notes);
    }

    /**
     * In the answer of an operation that hands out a secret, the secret it hands out: the top-level fields named
     * {@code new...} ({@code newClientSecret}). Everything else stays redacted, the secret it replaces too.
     */
    private static Set<String> newSecrets(JsonNode answer) {
        Set<String> names = new TreeSet<>();
        answer.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("new") && com.authlete.toolkit.transport.redact.SensitiveNames.isSensitive(name)) {
                names.add(name);
            }
        });
        return names;
    }

    private static List<String> inputNames(Operation operation) {
        return Stream.concat(operation.parameters().stream(), operation.requestBody().stream().flatMap(body -> body.fields().stream()))
                .map(Field::name).distinct().collect(Collectors.toList());
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
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
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

    private static String apiError(AuthleteApiException e) {
        if (e.resultCode() == null && e.resultMessage() == null) {
            return e.getMessage();
        }
        StringBuilder text = new StringBuilder("the Authlete API answered HTTP " + e.status());
        if (e.resultCode() != null) {
            text.append("; resultCode: ").append(e.resultCode());
        }
        if (e.resultMessage() != null) {
            text.append("; resultMessage: ").append(e.resultMessage());
        }
        return text.toString();
    }
}
