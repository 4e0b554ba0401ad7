package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The operations of the Authlete API as the toolkit knows them, generated from the API's OpenAPI description
 * and shipped as a data resource ({@code catalog.json} next to this class).
 *
 * @param apiVersion    the version of the API description the catalog was generated from
 * @param servers       the API's base URLs, by cluster index (0 us, 1 jp, 2 eu, 3 br)
 * @param reservedFlags flags that front ends keep for themselves; no operation input uses them
 * @param operations    every command, in the order of the API description
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Catalog(String apiVersion, List<String> servers, List<String> reservedFlags, List<Operation> operations) {

    public static final String RESOURCE = "catalog.json";

    public Catalog {
        servers = List.copyOf(servers);
        reservedFlags = reservedFlags == null ? List.of() : List.copyOf(reservedFlags);
        operations = List.copyOf(operations);
    }

    /** Loads the catalog shipped with this library. */
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
        String wanted = commandOrOperationId.trim().replaceAll("\\s+", " ");
        return operations.stream().filter(op -> op.command().equals(wanted)).findFirst()
                .or(() -> operations.stream().filter(op -> wanted.equals(op.operationId())).findFirst());
    }

    /** Like {@link #find(String)}, failing with a clear message when nothing matches. */
    @JsonIgnore
    public Operation operation(String commandOrOperationId) {
        return find(commandOrOperationId).orElseThrow(() -> new IllegalArgumentException(
                "no operation '" + commandOrOperationId + "' in the catalog"));
    }

    /** Lazily loaded so that programs that never touch the catalog do not pay for parsing it. */
    private static final class Holder {
        static final Catalog STANDARD = load();

        private static Catalog load() {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("catalog resource " + RESOURCE + " is missing from the class path");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the catalog resource", e);
            }
        }
    }
}
