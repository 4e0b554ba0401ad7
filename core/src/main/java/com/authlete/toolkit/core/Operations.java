package com.authlete.toolkit.core;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.PreparedRequest;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * Calls API operations by command words ({@code "client list"}) or operationId ({@code "client_get_list_api"}).
 *
 * <pre>{@code
 * try (HttpTransport http = HttpTransport.builder().baseUrl(URI.create("https://us.authlete.com"))
 *         .bearer(token).build()) {
 *     Operations<TransportResponse, TransportException> api = new Operations<>(Catalog.standard(), http::send);
 *     try (TransportResponse response = api.call("service list", Map.of("start", 0, "end", 5), null)) {
 *         response.body().transferTo(System.out);
 *     }
 * }
 * }</pre>
 *
 * @param <R> the sender's response type
 * @param <E> the sender's exception type
 */
public final class Operations<R, E extends Exception> {

    private final Catalog catalog;
    private final RequestSender<R, E> sender;

    public Operations(Catalog catalog, RequestSender<R, E> sender) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * @param operation  command words or operationId
     * @param parameters path and query parameters by API name; values may be strings, numbers or booleans
     * @param body       the request body, or null
     * @throws InvalidInputException when the operation is unknown or the input does not fit it
     */
    public R call(String operation, Map<String, ?> parameters, JsonNode body) throws InvalidInputException, E {
        PreparedRequest request = prepare(operation, parameters, body);
        return sender.send(request.method(), request.target(), request.headers(), request.body());
    }

    /** Builds the request without sending it. */
    public PreparedRequest prepare(String operation, Map<String, ?> parameters, JsonNode body) throws InvalidInputException {
        RequestBuilder builder = RequestBuilder.forOperation(catalog.find(operation)
                .orElseThrow(() -> new InvalidInputException("no operation '" + operation + "' in the catalog")));
        return builder.parameters(parameters == null ? Map.of() : parameters).body(body).build();
    }
}
