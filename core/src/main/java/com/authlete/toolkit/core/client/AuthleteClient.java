package com.authlete.toolkit.core.client;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.PreparedRequest;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every operation of the catalog for Java programs, by command words ({@code "client get"}) or operationId, with
 * its values in a map: path and query parameters and body fields by their API names ({@code serviceId},
 * {@code clientName}). Answers are JSON trees with exact numbers; paginated lists stream their items page by page.
 *
 * <pre>{@code
 * HttpTransport http = EnvironmentTransports.build(TransportOptions.DEFAULTS, System.getenv(), url, token, "app/1", System.err);
 * try (AuthleteClient authlete = AuthleteConnections.over(http)) {   // credentials module
 *     JsonNode client = authlete.call("client get", Map.of("serviceId", "715948317", "clientId", "1140735077"));
 *     authlete.items("client list", Map.of("serviceId", "715948317")).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class AuthleteClient implements AutoCloseable {

    private static final int PAGE_SIZE = 100;

    private final Catalog catalog;
    private final Exchange exchange;
    private final AutoCloseable resource;

    private AuthleteClient(Catalog catalog, Exchange exchange, AutoCloseable resource) {
        this.catalog = catalog;
        this.exchange = exchange;
        this.resource = resource;
    }

    /** @param resource closed with the client (the transport behind the exchange), or null */
    public static AuthleteClient over(Exchange exchange, AutoCloseable resource) {
        return new AuthleteClient(Catalog.standard(), exchange, resource);
    }

    /** Calls one operation and returns its answer (null when it has none, such as a 204). */
    public JsonNode call(String commandOrOperationId, Map<String, ?> values) {
        Operation operation = operation(commandOrOperationId);
        return send(operation, request(operation, values));
    }

    /**
     * Calls one operation with its parameters by name and a whole JSON body (a resource as a tree, such as a client
     * to create); returns the answer, or null when it has none.
     */
    public JsonNode call(String commandOrOperationId, Map<String, ?> parameters, JsonNode body) {
        Operation operation = operation(commandOrOperationId);
        return send(operation, RequestBuilder.forOperation(operation).parameters(parameters).body(body));
    }

    /**
     * The request {@link #call(String, Map, JsonNode)} would send, without sending it: method, path with query, headers
     * and body (for a dry run). Needs no connection: {@code AuthleteClient.prepare(...)} works on any client.
     */
    public PreparedRequest prepare(String commandOrOperationId, Map<String, ?> parameters, JsonNode body) {
        Operation operation = operation(commandOrOperationId);
        try {
            return RequestBuilder.forOperation(operation).parameters(parameters).body(body).build();
        } catch (InvalidInputException e) {
            throw new AuthleteInputException(operation.command() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The items of a paginated list ({@code "client list"}), fetched a page at a time as the stream is consumed;
     * {@code start} and {@code end} are set by the stream and must not be given.
     */
    public Stream<JsonNode> items(String command, Map<String, ?> values) {
        Operation operation = operation(command);
        if (operation.list() == null || !operation.list().paginated()) {
            throw new AuthleteInputException("'" + operation.command() + "' is not a paginated list", null);
        }
        if (values.containsKey("start") || values.containsKey("end")) {
            throw new AuthleteInputException("items() sets start and end itself", null);
        }
        Iterator<JsonNode> pages = new Iterator<>() {
            private long start;
            private Iterator<JsonNode> page = List.<JsonNode>of().iterator();
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    JsonNode answer = send(operation, request(operation, values).parameter("start", start).parameter("end", start + PAGE_SIZE));
                    List<JsonNode> items = new ArrayList<>();
                    answer.path(operation.list().field()).forEach(items::add);
                    long total = answer.path("totalCount").asLong(-1);
                    start += items.size();
                    // A short or empty page, or the reported total reached, ends the list.
                    last = items.size() < PAGE_SIZE || (total >= 0 && start >= total);
                    page = items.iterator();
                }
                return page.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }

    private Operation operation(String commandOrOperationId) {
        return catalog.find(commandOrOperationId).orElseThrow(() -> new AuthleteInputException(
                "no operation '" + commandOrOperationId + "' in the catalog of API " + catalog.apiVersion(), null));
    }

    /** Values by API name: parameters where the operation has one of that name, body fields otherwise. */
    private static RequestBuilder request(Operation operation, Map<String, ?> values) {
        Set<String> parameters = operation.parameters().stream().map(Field::name).collect(Collectors.toSet());
        RequestBuilder request = RequestBuilder.forOperation(operation);
        values.forEach((name, value) -> {
            if (parameters.contains(name)) {
                request.parameter(name, value);
            } else {
                request.bodyField(name, value);
            }
        });
        return request;
    }

    private JsonNode send(Operation operation, RequestBuilder request) {
        try (InputStream body = exchange.send(request.build())) {
            byte[] bytes = body.readAllBytes();
            return bytes.length == 0 ? null : JsonTrees.parse(bytes);
        } catch (InvalidInputException e) {
            throw new AuthleteInputException(operation.command() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AuthleteNetworkException(operation.command() + ": " + e.getMessage(), e);
        }
    }
}
