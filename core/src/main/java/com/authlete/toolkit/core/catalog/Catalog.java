package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operations of the Authlete API as the toolkit knows them, generated from the API's OpenAPI description
 * and shipped as a data resource ({@code catalog.json} next to this class).
 *
 * @param apiVersion the version of the API description the catalog was generated from
 * @param servers       the API's base URLs, by cluster index (0 us, 1 jp, 2 eu, 3 br)
 * @param operations    every command, in the order of the API description
 * @param aliases       earlier command words of renamed commands, to their current words
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Catalog(
        String apiVersion, List<String> servers, List<Operation> operations, Map<String, String> aliases) {

    public static final String RESOURCE = "catalog.json";

    public Catalog {
        servers = List.copyOf(servers);
        operations = List.copyOf(operations);
        aliases = aliases == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(aliases));
    }

    public Catalog(String apiVersion, List<String> servers, List<Operation> operations) {
        this(apiVersion, servers, operations, Map.of());
    }

    /** Loads the catalog shipped with this library. */
    /** The API's servers (base URLs by cluster index), read without the operations: cheap at start-up. */
    public static List<String> standardServers() {
        return ServersHolder.SERVERS;
    }

    private static final class ServersHolder {
        static final List<String> SERVERS = CatalogSlice.none().servers();
    }

    public static Catalog standard() {
        return Holder.STANDARD;
    }

    /**
     * A catalog holding only the servers and the one command named: what a process that runs one command needs,
     * read in a fraction of the time the whole catalog takes.
     */
    public static Catalog forCommand(String commandWords) {
        return CatalogSlice.read(commandWords.trim().replaceAll("\\s+", " "));
    }

    public static Catalog read(InputStream json) throws IOException {
        return mapper().readValue(json, Catalog.class);
    }

    /** The mapper that reads and writes catalog files, so that generator and loader agree on the format. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Finds a command by its words ({@code "client create"}) or by the API's operationId. */
    public Optional<Operation> find(String commandOrOperationId) {
        String given = commandOrOperationId.trim().replaceAll("\\s+", " ");
        String wanted = aliases.getOrDefault(given, given);
        return operations.stream()
                .filter(op -> op.command().equals(wanted))
                .findFirst()
                .or(() -> operations.stream()
                        .filter(op -> wanted.equals(op.operationId()))
                        .findFirst());
    }

    /** An operation found by method and concrete path, with the values of its path parameters. */
    public record PathMatch(Operation operation, Map<String, String> pathValues) {}

    /**
     * The operation whose method and path template fit a concrete request path such as {@code /api/1/client/get/list}
     * (query ignored); a template with fewer parameters wins, so literal segments beat placeholders.
     */
    public Optional<PathMatch> match(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] segments = bare.split("/", -1);
        PathMatch best = null;
        for (Operation candidate : operations) {
            if (!candidate.method().equalsIgnoreCase(method)) {
                continue;
            }
            String[] template = candidate.path().split("/", -1);
            if (template.length != segments.length) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean fits = true;
            for (int i = 0; i < template.length && fits; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    fits = !segments[i].isEmpty();
                    values.put(
                            template[i].substring(1, template[i].length() - 1),
                            URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
                } else {
                    fits = template[i].equals(segments[i]);
                }
            }
            if (fits && (best == null || values.size() < best.pathValues().size())) {
                best = new PathMatch(candidate, Map.copyOf(values));
            }
        }
        return Optional.ofNullable(best);
    }

    /** Like {@link #find(String)}, failing with a clear message when nothing matches. */
    @JsonIgnore
    public Operation operation(String commandOrOperationId) {
        return find(commandOrOperationId)
                .orElseThrow(() ->
                        new IllegalArgumentException("no operation '" + commandOrOperationId + "' in the catalog"));
    }

    /** Lazily loaded so that programs that never touch the catalog do not pay for parsing it. */
    private static final class Holder {
        static final Catalog STANDARD = CatalogSlice.all();
    }
}
