package com.authlete.toolkit.core.client;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.Servers;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.core.exchange.Exchange;
import com.authlete.toolkit.core.exchange.ExchangeProvider;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.exchange.TokenSource;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.paging.PageWalker;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The engine behind every front end (the CLI, the MCP server, the declarative workflow, Java programs): every
 * operation of the catalog, by command words ({@code "client get"}) or operationId, with the rules of calling one
 * in one place: the token asked for once, the default service id, partial updates that keep what they do not name,
 * paging with its guards, the question before a destructive call, and one exception family whose category says what
 * failed.
 *
 * <pre>{@code
 * try (AuthleteClient authlete = AuthleteClient.builder().cluster("us").token(System.getenv("AUTHLETE_BEARER"))
 *         .serviceId("715948317").timeout(Duration.ofSeconds(30)).build()) {
 *     JsonNode client = authlete.call("client get", Map.of("clientId", "1140735077"));
 *     authlete.call("client update", Map.of("clientId", "1140735077", "clientName", "Renamed"));  // other fields kept
 *     authlete.items("client list", Map.of()).forEach(System.out::println);                    // every page
 * } catch (AuthleteException e) {
 *     System.err.println(e.category() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class AuthleteClient implements AutoCloseable {

    /** Items per request when {@link #items} walks a list. */
    public static final int PAGE_SIZE = 100;

    private final Catalog catalog;
    private final Exchange exchange;
    private final TokenSource tokens;
    private final String serviceId;
    private final Confirmation confirmation;
    private Optional<String> token;

    private AuthleteClient(
            Catalog catalog, Exchange exchange, TokenSource tokens, String serviceId, Confirmation confirmation) {
        this.catalog = catalog;
        this.exchange = exchange;
        this.tokens = tokens;
        this.serviceId = serviceId;
        this.confirmation = confirmation;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- for Java programs: values by API name, answers as JSON trees

    /**
     * Calls one operation with its values by API name: path and query parameters ({@code serviceId}) and top-level body
     * fields ({@code clientName}). An update of a whole object keeps the fields not named ({@link Update#MERGE}).
     *
     * @return the answer, or null when it has none (such as a 204)
     */
    public JsonNode call(String operation, Map<String, ?> values) {
        return call(operation, values, null, Update.MERGE);
    }

    public JsonNode call(String operation, Map<String, ?> values, Update update) {
        return call(operation, values, null, update);
    }

    /** Calls one operation with values by API name and a whole body (a resource as a tree); updates merge. */
    public JsonNode call(String operation, Map<String, ?> values, JsonNode body) {
        return call(operation, values, body, Update.MERGE);
    }

    /** Calls one operation; {@code update} says what an update of a whole object does with fields not given. */
    public JsonNode call(String operation, Map<String, ?> values, JsonNode body, Update update) {
        Operation found = operation(operation);
        OperationCall call = prepare(found, request(found, values).body(body), update);
        try (TransportResponse response = send(call)) {
            return tree(response.body());
        } catch (IOException e) {
            throw network(call.operation(), e);
        }
    }

    /**
     * Calls one operation and hands over its answer as it arrives (to copy into a file, say), without parsing it; close
     * the response to free the connection. {@code update} is as for {@link #call(String, Map, JsonNode, Update)}.
     */
    public TransportResponse stream(String operation, Map<String, ?> values, JsonNode body, Update update) {
        Operation found = operation(operation);
        return send(prepare(found, request(found, values).body(body), update));
    }

    /**
     * The items of a paginated list ({@code "client list"}), fetched a page at a time as the stream is consumed; a server
     * that does not page (it ignores {@code start}, repeats a page, or never ends) is an {@link ErrorCategory#PAGING}
     * failure, not a list that repeats. {@code start} and {@code end} are the stream's to set.
     */
    public Stream<JsonNode> items(String operation, Map<String, ?> values) {
        Operation list = operation(operation);
        if (values.containsKey("start") || values.containsKey("end")) {
            throw new InvalidInputException("items() sets start and end itself; give neither");
        }
        PageWalker walker = new PageWalker(list, PAGE_SIZE);
        RequestBuilder request = withDefaults(list, request(list, values));
        Iterator<JsonNode> items =
                walker.iterator(request, page -> send(list, page).body());
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The request {@link #call(String, Map, JsonNode, Update)} would send with {@link Update#REPLACE}, without sending it
     * (for a dry run); a partial update's read is in {@link #prepare(Operation, RequestBuilder, Update)}'s call.
     */
    public PreparedRequest prepare(String operation, Map<String, ?> values, JsonNode body) {
        Operation found = operation(operation);
        return prepare(found, request(found, values).body(body), Update.REPLACE).given();
    }

    // ---- for front ends that stream: their own request builders, answers as streams

    /** An operation of this client's catalog, by command words or operationId. */
    public Operation operation(String commandOrOperationId) {
        return catalog.find(commandOrOperationId)
                .orElseThrow(() -> new InvalidInputException(
                        "no operation '" + commandOrOperationId + "' in the catalog of API " + catalog.apiVersion()));
    }

    /**
     * A call ready to send: the default service id filled in, the inputs checked, and for a partial update of a whole
     * object the read that comes first. Sends nothing.
     */
    public OperationCall prepare(Operation operation, RequestBuilder request, Update update) {
        withDefaults(operation, request);
        Operation read = update == Update.MERGE && operation.replacesWholeObject() ? readOperation(operation) : null;
        OperationCall call = new OperationCall(operation, request, read);
        if (read == null) {
            call.given(); // checks every input now, before anything is sent
        } else {
            call.currentRead(); // the path parameters; required body fields may come from the current object
        }
        return call;
    }

    /**
     * Sends a call: for a partial update, reads the current object and puts it under the given fields; asks the
     * {@link Confirmation} first when the operation deletes or revokes.
     *
     * @return the answer of a successful status, its body to read (close it)
     */
    public TransportResponse send(OperationCall call) {
        RequestBuilder request = call.request();
        Optional<PreparedRequest> read = call.currentRead();
        if (read.isPresent()) {
            request.underlay(current(call, read.get()), "the current object");
        }
        return send(call.operation(), request.build());
    }

    /**
     * Sends a request built elsewhere (a path the caller wrote); {@code operation} is the catalog's operation for it,
     * or null for a path outside the catalog (sent with the token, and confirmed first when it is a DELETE).
     */
    public TransportResponse send(Operation operation, PreparedRequest request) {
        boolean destructive =
                operation != null ? operation.destructive() : request.method().equals("DELETE");
        if (destructive && !confirmation.confirm(operation, preview(operation, request))) {
            throw new AuthleteException(ErrorCategory.CANCELLED, "cancelled; nothing was sent", null);
        }
        return exchange.send(withToken(operation, request, true));
    }

    /** Walks every page of a paginated list from the first, handing over each item as it is parsed. */
    public long walk(OperationCall call, int pageSize, PageWalker.ItemSink sink) throws IOException {
        PageWalker walker = new PageWalker(call.operation(), pageSize);
        return walker.walk(
                call.request(), 0, page -> send(call.operation(), page).body(), sink);
    }

    /** The request as it would go on the wire (absolute URL, user agent, token), for dry runs; sends nothing. */
    public PreparedRequest preview(Operation operation, PreparedRequest request) {
        return exchange.preview(withToken(operation, request, false));
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The service id used when a call names none, or null. */
    public Optional<String> defaultServiceId() {
        return Optional.ofNullable(serviceId);
    }

    @Override
    public void close() {
        exchange.close();
    }

    // ---- the rules

    private RequestBuilder withDefaults(Operation operation, RequestBuilder request) {
        if (serviceId != null
                && operation.pathParameters().stream()
                        .anyMatch(parameter -> parameter.name().equals("serviceId"))) {
            request.defaultParameter("serviceId", serviceId);
        }
        return request;
    }

    private Operation readOperation(Operation update) {
        // A catalog read for one command holds only that command: the get beside it comes from the whole catalog.
        return catalog.find(update.readCurrent())
                .or(() -> Catalog.forCommand(update.readCurrent()).find(update.readCurrent()))
                .orElseThrow(() -> new IllegalStateException(
                        "the catalog names '" + update.readCurrent() + "' but has no such operation"));
    }

    private JsonNode current(OperationCall call, PreparedRequest read) {
        String what = "reading the current object with '" + call.read().command() + "' before the update failed";
        try (TransportResponse response = send(call.read(), read)) {
            JsonNode current = tree(response.body());
            if (current == null || !current.isObject()) {
                throw new AuthleteException(ErrorCategory.REJECTED, what + ": the answer is not an object", null);
            }
            return writable(call.operation(), current);
        } catch (AuthleteException e) {
            throw e.getMessage().startsWith(what) ? e : AuthleteException.wrap(what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AuthleteException(ErrorCategory.NETWORK, what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The fields of the current object the update may send back: those its body takes, without the ones only the server
     * sets (ids, secrets, timestamps), which a strict server refuses.
     */
    private static ObjectNode writable(Operation update, JsonNode current) {
        Set<String> writable = update.bodyFields().stream()
                .filter(field -> !field.isServerSet())
                .map(Field::name)
                .collect(Collectors.toSet());
        Set<String> serverSet = update.bodyFields().stream()
                .filter(Field::isServerSet)
                .map(Field::name)
                .collect(Collectors.toSet());
        ObjectNode kept = JsonTrees.NODES.objectNode();
        current.fields().forEachRemaining(field -> {
            if (writable.isEmpty() ? !serverSet.contains(field.getKey()) : writable.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        return kept;
    }

    /** The token goes with every operation that needs one; it is asked for once, when first needed. */
    private PreparedRequest withToken(Operation operation, PreparedRequest request, boolean required) {
        if ((operation != null && !operation.authenticated()) || tokens == TokenSource.NONE) {
            return request;
        }
        if (token == null) {
            Optional<String> found = tokens.token();
            try {
                found.ifPresent(TokenSource::check);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
            token = found;
        }
        if (token.isEmpty()) {
            if (required) {
                throw new MissingTokenException();
            }
            return request;
        }
        return request.withHeader("Authorization", "Bearer " + token.get());
    }

    /** Values by API name: parameters where the operation has one of that name, body fields otherwise. */
    private static RequestBuilder request(Operation operation, Map<String, ?> values) {
        Set<String> parameters =
                operation.parameters().stream().map(Field::name).collect(Collectors.toSet());
        RequestBuilder request = RequestBuilder.forOperation(operation);
        (values == null ? Map.<String, Object>of() : values).forEach((name, value) -> {
            if (parameters.contains(name)) {
                request.parameter(name, value);
            } else {
                request.bodyField(name, value);
            }
        });
        return request;
    }

    private static JsonNode tree(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        return bytes.length == 0 ? null : JsonTrees.parse(bytes);
    }

    private static AuthleteException network(Operation operation, IOException e) {
        return new AuthleteException(
                ErrorCategory.NETWORK, operation.command() + ": reading the answer failed: " + e.getMessage(), e);
    }

    /** Sets up a client; everything is optional but the server's address (a cluster or a URL). */
    public static final class Builder {
        private Catalog catalog;
        private URI baseUrl;
        private String cluster;
        private TokenSource tokens = TokenSource.NONE;
        private String serviceId;
        private Confirmation confirmation = Confirmation.ALLOW;
        private String userAgent = "authlete-toolkit";
        private Duration timeout;
        private Duration connectTimeout = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = ConnectionSettings.DEFAULT_READ_TIMEOUT;
        private int retries = ConnectionSettings.DEFAULT_RETRIES;
        private boolean retryPost;
        private ProxySelector proxy;
        private final List<Path> trustedCertificates = new ArrayList<>();
        private Path certificateBundle;
        private boolean allowInsecureHttp;
        private PrintStream debugLog;
        private Exchange exchange;
        private ExchangeProvider provider;

        private Builder() {}

        /** A cluster by name ({@code us}, {@code jp}, {@code eu}, {@code br}) or by index ({@code 0} to {@code 3}). */
        public Builder cluster(String nameOrIndex) {
            this.cluster = Objects.requireNonNull(nameOrIndex, "cluster");
            this.baseUrl = null;
            return this;
        }

        /** Any server, such as a mock on {@code http://127.0.0.1:4010}. */
        public Builder baseUrl(URI url) {
            this.baseUrl = Objects.requireNonNull(url, "url");
            this.cluster = null;
            return this;
        }

        public Builder token(String token) {
            this.tokens = TokenSource.of(token);
            return this;
        }

        /** Where the token comes from, asked once when the first request that needs one is sent. */
        public Builder tokenSource(TokenSource source) {
            this.tokens = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The service id of calls that name none. */
        public Builder serviceId(String id) {
            this.serviceId = id == null || id.isBlank() ? null : id;
            return this;
        }

        /** Asked before an operation that deletes or revokes; default: allowed. */
        public Builder confirmation(Confirmation confirmation) {
            this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Time allowed for a whole exchange, body included; null (the default) for no limit. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Time allowed to open a connection (default 10 s); null for no limit. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Longest silence from the server, before and while the answer arrives (default 60 s); null for no limit. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Retries on 429, 502, 503, 504 and broken connections (default 2); POST only with {@code retryPost}. */
        public Builder retries(int retries, boolean retryPost) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
            }
            this.retries = retries;
            this.retryPost = retryPost;
            return this;
        }

        public Builder proxy(ProxySelector proxy) {
            this.proxy = proxy;
            return this;
        }

        /** A PEM file of authorities trusted beside the JDK's (or the bundle's). */
        public Builder trust(Path pemFile) {
            trustedCertificates.add(Objects.requireNonNull(pemFile, "pemFile"));
            return this;
        }

        /** A PEM file of authorities that replaces the JDK's. */
        public Builder certificateBundle(Path pemFile) {
            this.certificateBundle = pemFile;
            return this;
        }

        /** Allows plain http to hosts other than loopback, where the token would travel in clear. */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** Logs every exchange here, secrets redacted; null (the default) logs nothing. */
        public Builder debugLog(PrintStream log) {
            this.debugLog = log;
            return this;
        }

        /** The operations; default: the catalog shipped with the library. */
        public Builder catalog(Catalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** Sends through this exchange (a test double, or one set up by hand) instead of opening one. */
        public Builder exchange(Exchange exchange) {
            this.exchange = exchange;
            return this;
        }

        /** Opens the exchange with this provider instead of the one found on the class path. */
        public Builder exchangeProvider(ExchangeProvider provider) {
            this.provider = provider;
            return this;
        }

        /** The connection settings this builder holds, for a provider; the server must be known. */
        public ConnectionSettings connectionSettings() {
            List<String> servers = catalog != null ? catalog.servers() : Catalog.standardServers();
            URI url = baseUrl != null
                    ? baseUrl
                    : URI.create(servers.get(Servers.index(cluster == null ? "0" : cluster, servers)));
            return new ConnectionSettings(
                    url,
                    userAgent,
                    timeout,
                    connectTimeout,
                    readTimeout,
                    retries,
                    retryPost,
                    proxy,
                    trustedCertificates,
                    certificateBundle,
                    allowInsecureHttp,
                    debugLog);
        }

        /**
         * @throws IllegalArgumentException for settings that cannot work (an unknown cluster, plain http to a remote
         *                                  host, an unreadable certificate file)
         * @throws IllegalStateException    when no exchange is given and none is on the class path (add authlete-transport)
         */
        public AuthleteClient build() {
            Catalog operations = catalog != null ? catalog : Catalog.standard();
            Exchange opened = exchange != null ? exchange : provider().open(connectionSettings());
            return new AuthleteClient(operations, opened, tokens, serviceId, confirmation);
        }

        private ExchangeProvider provider() {
            if (provider != null) {
                return provider;
            }
            return ServiceLoader.load(ExchangeProvider.class, AuthleteClient.class.getClassLoader())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no HTTP transport on the class path: add the authlete-transport library"));
        }
    }
}
