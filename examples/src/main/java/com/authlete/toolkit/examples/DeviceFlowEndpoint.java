package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.transport.FormFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The device-flow endpoints of an authorization server, in a page of code: the server only moves HTTP, Authlete
 * does the OAuth work through the runtime API ({@code device-flow authorization}, {@code verification},
 * {@code complete}) called with {@code core} + {@code transport}.
 * <ul>
 *   <li>{@code POST /device_authorization}: RFC 8628 section 3.1, the client's request relayed to Authlete;</li>
 *   <li>{@code POST /device/approve} with {@code user_code} and {@code subject}: what the verification page calls
 *       once the user has logged in and approved; it checks the code, then completes the flow.</li>
 * </ul>
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.DeviceFlowEndpoint SERVICE_ID PORT [server-url]</pre>
 */
public final class DeviceFlowEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AuthleteClient authlete;

    public DeviceFlowEndpoint(URI authlete, String token, String serviceId, int port) throws IOException {
        this.authlete = AuthleteClient.builder()
                .baseUrl(authlete)
                .token(token)
                .serviceId(serviceId)
                .build();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/device_authorization", exchange -> handle(exchange, this::authorize));
        server.createContext("/device/approve", exchange -> handle(exchange, this::approve));
        server.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DeviceFlowEndpoint SERVICE_ID PORT [server-url]");
            System.exit(2);
        }
        URI authlete = URI.create(args.length > 2 ? args[2] : "https://us.authlete.com");
        DeviceFlowEndpoint endpoint =
                new DeviceFlowEndpoint(authlete, Examples.token(), args[0], Integer.parseInt(args[1]));
        System.err.println("device flow endpoints on http://127.0.0.1:" + endpoint.port() + " (Ctrl-C to stop)");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** An HTTP answer: status, content type, body. */
    record Answer(int status, String contentType, String body) {}

    private interface Handler {
        Answer handle(String form, String authorization) throws Exception;
    }

    /** RFC 8628 3.1: Authlete checks the client and the request and writes the whole answer. */
    private Answer authorize(String form, String authorization) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("parameters", form);
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(
                            Base64.getDecoder()
                                    .decode(authorization.substring(6).strip()),
                            StandardCharsets.UTF_8)
                    .split(":", 2);
            request.put("clientId", URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
            if (pair.length == 2) {
                request.put("clientSecret", URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
            }
        }
        JsonNode result = call("device-flow authorization", request);
        return new Answer(
                statusOf(result.path("action").asText()),
                "application/json",
                result.path("responseContent").asText());
    }

    /** After the user logged in on the verification page and approved: check the code, then mark it authorized. */
    private Answer approve(String form, String authorization) throws Exception {
        Map<String, String> values = FormFields.parse(form);
        String userCode = values.getOrDefault("user_code", "");
        JsonNode verification =
                call("device-flow verification", JSON.createObjectNode().put("userCode", userCode));
        if (!"VALID".equals(verification.path("action").asText())) {
            return new Answer(
                    400,
                    "text/plain",
                    "the code is " + verification.path("action").asText().toLowerCase() + "\n");
        }
        JsonNode completion = call(
                "device-flow complete",
                JSON.createObjectNode()
                        .put("userCode", userCode)
                        .put("result", "AUTHORIZED")
                        .put("subject", values.getOrDefault("subject", "")));
        return "SUCCESS".equals(completion.path("action").asText())
                ? new Answer(200, "text/plain", "approved; the device will be signed in shortly\n")
                : new Answer(
                        500,
                        "text/plain",
                        "could not complete: " + completion.path("action").asText() + "\n");
    }

    private JsonNode call(String command, JsonNode body) {
        return authlete.call(command, Map.of(), body);
    }

    /** Authlete's action to the HTTP status of the answer (as its documentation of this API describes). */
    static int statusOf(String action) {
        return switch (action) {
            case "OK" -> 200;
            case "BAD_REQUEST" -> 400;
            case "UNAUTHORIZED" -> 401;
            default -> 500;
        };
    }

    private static void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Answer answer;
            if (!exchange.getRequestMethod().equals("POST")) {
                answer = new Answer(405, "text/plain", "POST only\n");
            } else {
                try {
                    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    answer = handler.handle(form, exchange.getRequestHeaders().getFirst("Authorization"));
                } catch (AuthleteException e) {
                    answer = new Answer(502, "text/plain", "Authlete refused: " + e.getMessage() + "\n");
                } catch (Exception e) {
                    answer = new Answer(500, "text/plain", "internal error\n");
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        authlete.close();
    }
}
