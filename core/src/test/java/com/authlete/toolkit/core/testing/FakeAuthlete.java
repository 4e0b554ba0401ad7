package com.authlete.toolkit.core.testing;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.core.catalog.SchemaField;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Authlete API for one service and its clients, kept in memory (Prism answers examples
 * and keeps nothing). It serves service get/update and client list/get/create/update/delete at the real paths,
 * answers in the real shapes (server-set fields such as clientId, clientSecret, number, createdAt filled in),
 * replaces a resource's writable fields on update as the API does, and refuses a body with a field the schema does
 * not know or a server-set field, as a strict server would. It wants the bearer token it was given, records every
 * request, and can be told to fail one call.
 */
public final class FakeAuthlete implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, String body) {}

    private static final Pattern ROUTE =
            Pattern.compile("/api/(\\d+)/(service/get|service/update|client/get/list|client/get/(\\d+)"
                    + "|client/create|client/update/(\\d+)|client/delete/(\\d+))");

    private final HttpServer server;
    private final String serviceId;
    private final String token;
    private final ObjectNode service;
    private final Map<Long, ObjectNode> clients = Collections.synchronizedMap(new TreeMap<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong nextClientId = new AtomicLong(1_140_735_077L);
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private volatile String failing;
    private volatile boolean fillsDefaults;

    public FakeAuthlete(String serviceId, String token) throws IOException {
        this.serviceId = serviceId;
        this.token = token;
        this.service = JsonTrees.NODES.objectNode();
        service.put("number", 5);
        service.put("apiKey", Long.parseLong(serviceId));
        service.put("apiSecret", "service-api-secret-" + serviceId);
        service.put("serviceName", "Fake service");
        service.put("issuer", "https://as.example.com");
        service.put("createdAt", clock.get());
        service.put("modifiedAt", clock.get());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests that change something (not GETs). */
    public List<Request> writes() {
        return requests().stream()
                .filter(request -> !request.method().equals("GET"))
                .toList();
    }

    /**
     * From now on, behaves as Authlete does for a field an update or create leaves out: instead of leaving it empty, fills
     * the default (false, 0, an empty array, {@code PUBLIC} for clientType and subjectType, {@code NONE} for
     * tokenAuthMethod, {@code RS256} for idTokenSignAlg), and hands back enum arrays in its own order.
     */
    public FakeAuthlete fillingDefaults() {
        fillsDefaults = true;
        return this;
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The next request whose {@code METHOD path-suffix} ends with this text fails with HTTP 400 (once). */
    public void failNext(String methodAndPathSuffix) {
        failing = methodAndPathSuffix;
    }

    public ObjectNode service() {
        synchronized (service) {
            return service.deepCopy();
        }
    }

    /** Replaces the service as someone else's change would (not counted as a request). */
    public void setService(ObjectNode replacement) {
        synchronized (service) {
            service.removeAll();
            service.setAll(replacement.deepCopy());
        }
    }

    /** Replaces the client with this one's clientId as someone else's change would (not counted as a request). */
    public void setClient(ObjectNode replacement) {
        clients.put(replacement.path("clientId").longValue(), replacement.deepCopy());
    }

    public List<ObjectNode> clients() {
        synchronized (clients) {
            return clients.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }

    /** Adds a client as if made through the API; returns it with its id and secret. */
    public ObjectNode addClient(ObjectNode fields) {
        return create(fields);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(new Request(method, path, body));
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, error("A001201", "The access token is missing or wrong."));
                return;
            }
            String failure = failing;
            if (failure != null && (method + " " + path).endsWith(failure)) {
                failing = null;
                reply(exchange, 400, error("A999999", "Injected failure of " + method + " " + path + "."));
                return;
            }
            Matcher route = ROUTE.matcher(path);
            if (!route.matches() || !route.group(1).equals(serviceId)) {
                reply(exchange, 404, error("A001202", "No such service or endpoint: " + path));
                return;
            }
            String action = route.group(2);
            JsonNode json = parse(body);
            JsonNode answer;
            if (action.equals("service/get") && method.equals("GET")) {
                answer = service();
            } else if (action.equals("service/update") && method.equals("POST")) {
                if (refused(exchange, "service", json)) {
                    return;
                }
                synchronized (service) {
                    replaceWritable(ResourceSchema.of("service"), service, json);
                    service.put("modifiedAt", clock.incrementAndGet());
                    answer = service.deepCopy();
                }
            } else if (action.equals("client/get/list") && method.equals("GET")) {
                answer = list(exchange.getRequestURI().getRawQuery());
            } else if (action.equals("client/create") && method.equals("POST")) {
                if (refused(exchange, "client", json)) {
                    return;
                }
                answer = create((ObjectNode) json);
            } else if (method.equals("GET") && route.group(3) != null
                    || method.equals("POST") && route.group(4) != null
                    || method.equals("DELETE") && route.group(5) != null) {
                long id = Long.parseLong(
                        route.group(3) != null
                                ? route.group(3)
                                : route.group(4) != null ? route.group(4) : route.group(5));
                ObjectNode client = clients.get(id);
                if (client == null) {
                    reply(exchange, 404, error("A011201", "No client has ID " + id + "."));
                    return;
                }
                if (method.equals("DELETE")) {
                    clients.remove(id);
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                if (method.equals("POST")) {
                    if (refused(exchange, "client", json)) {
                        return;
                    }
                    synchronized (clients) {
                        replaceWritable(ResourceSchema.of("client"), client, json);
                        client.put("modifiedAt", clock.incrementAndGet());
                    }
                }
                answer = client.deepCopy();
            } else {
                reply(exchange, 405, error("A001101", "Method not allowed."));
                return;
            }
            reply(exchange, 200, answer);
        }
    }

    private ObjectNode create(ObjectNode fields) {
        long id = nextClientId.getAndAdd(7919);
        ObjectNode client = JsonTrees.NODES.objectNode();
        client.put("number", clients.size() + 1);
        client.put("serviceNumber", 5);
        client.put("clientId", id);
        client.put("clientSecret", "generated-secret-" + Long.toHexString(id * 31));
        client.put("dynamicallyRegistered", false);
        client.put("createdAt", clock.incrementAndGet());
        client.put("modifiedAt", clock.get());
        replaceWritable(ResourceSchema.of("client"), client, fields);
        clients.put(id, client);
        return client.deepCopy();
    }

    /** The API replaces a resource: every writable field takes the body's value, or goes back to empty (or its default). */
    private void replaceWritable(ResourceSchema schema, ObjectNode target, JsonNode body) {
        for (SchemaField field : schema.fields()) {
            if (field.readOnly()) {
                continue;
            }
            JsonNode value = body.get(field.name());
            JsonNode fallback = fillsDefaults ? defaultOf(field) : null;
            if (fillsDefaults && field.name().equals("clientIdAlias")) {
                fallback = JsonTrees.NODES.textNode(target.path("clientId").asText()); // as the API documents
            }
            if ((value == null || value.isNull()) && fallback == null) {
                target.remove(field.name());
            } else {
                target.set(
                        field.name(),
                        value == null || value.isNull() ? fallback : fillsDefaults ? ownOrder(field, value) : value);
            }
        }
    }

    private static JsonNode defaultOf(SchemaField field) {
        return switch (field.name()) {
            case "clientType", "subjectType" -> JsonTrees.NODES.textNode("PUBLIC");
            case "tokenAuthMethod" -> JsonTrees.NODES.textNode("NONE");
            case "idTokenSignAlg" -> JsonTrees.NODES.textNode("RS256");
            default ->
                switch (field.type() == null ? "" : field.type()) {
                    case "boolean" -> JsonTrees.NODES.booleanNode(false);
                    case "integer", "number" -> JsonTrees.NODES.numberNode(0);
                    case "array" -> JsonTrees.NODES.arrayNode();
                    default -> null;
                };
        };
    }

    /** Arrays of allowed values are sets to the API: it answers them in its own order. */
    private static JsonNode ownOrder(SchemaField field, JsonNode value) {
        if (!value.isArray() || field.enumValues().isEmpty()) {
            return value;
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        items.sort(Collections.reverseOrder());
        ArrayNode ordered = JsonTrees.NODES.arrayNode();
        items.forEach(ordered::add);
        return ordered;
    }

    /** Answers 400 and returns true when the body does not fit the schema of {@code kind}. */
    private static boolean refused(HttpExchange exchange, String kind, JsonNode body) throws IOException {
        String problem = check(kind, body);
        if (problem != null) {
            reply(exchange, 400, error("A001102", problem));
        }
        return problem != null;
    }

    /** Null when the body fits the schema: an object, only known fields, none of them server-set. */
    private static String check(String kind, JsonNode body) {
        if (body == null || !body.isObject()) {
            return "The request body is not a JSON object.";
        }
        ResourceSchema schema = ResourceSchema.of(kind);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            var field = schema.field(name);
            if (field.isEmpty()) {
                return "Unknown " + kind + " field '" + name + "'.";
            }
            if (field.get().readOnly() && !(kind.equals("client") && name.equals("clientId"))) {
                return "The " + kind + " field '" + name + "' is set by the server.";
            }
        }
        return null;
    }

    private JsonNode list(String query) {
        int start = 0;
        int end = Integer.MAX_VALUE;
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                if (parts[0].equals("start")) {
                    start = Integer.parseInt(parts[1]);
                } else if (parts[0].equals("end")) {
                    end = Integer.parseInt(parts[1]);
                }
            }
        }
        List<ObjectNode> all = clients();
        ObjectNode answer = JsonTrees.NODES.objectNode();
        answer.put("start", start);
        answer.put("end", Math.min(end, all.size()));
        answer.put("totalCount", all.size());
        ArrayNode page = answer.putArray("clients");
        for (int i = start; i < Math.min(end, all.size()); i++) {
            page.add(all.get(i));
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JsonTrees.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode error(String code, String message) {
        ObjectNode error = JsonTrees.NODES.objectNode();
        error.put("resultCode", code);
        error.put("resultMessage", "[" + code + "] " + message);
        return error;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JsonTrees.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
