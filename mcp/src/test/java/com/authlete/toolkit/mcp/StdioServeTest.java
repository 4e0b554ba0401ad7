package com.authlete.toolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.StubServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link AuthleteMcpServer#serve} over streams: requests piped in and the input closed at once (as a script does)
 * still get every answer, and serving ends with the input. The real client's view is in the CLI's McpServerIT.
 */
class StdioServeTest {

    @Test
    @Timeout(30)
    void everyRequestIsAnsweredBeforeServingEnds() throws Exception {
        try (StubServer api = new StubServer()) {
            api.handler(request -> {
                Thread.sleep(300); // a slow API: the answer comes well after the input has ended
                return StubServer.Reply.json(200, "{\"serviceName\":\"slow\"}");
            });
            String input = String.join(
                            "\n",
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}",
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"service_get\",\"arguments\":{\"serviceId\":\"1\"}}}",
                            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"service_get\",\"arguments\":{\"serviceId\":1}}}",
                            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"service_get\",\"arguments\":{\"serviceId\":true}}}")
                    + "\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // A slow reader on the other end (as on a loaded machine): each write takes a while, so an answer written
            // just after its call ends is still on its way when the end of input is considered.
            OutputStream slow = new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(bytes, offset, length);
                }
            };
            new AuthleteMcpServer(
                            McpOptions.DEFAULTS,
                            () -> AuthleteClient.builder()
                                    .baseUrl(URI.create(api.url()))
                                    .token("t-1234567890"),
                            "9.9")
                    .serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), slow);

            Map<Integer, JsonNode> answers = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                JsonNode message = json.readTree(line);
                answers.put(message.path("id").asInt(), message);
            }
            assertThat(answers).containsOnlyKeys(1, 2, 3, 4, 5);
            assertThat(answers.get(1).at("/result/serverInfo/name").asText()).isEqualTo("authlete");
            assertThat(answers.get(1).at("/result/serverInfo/version").asText()).isEqualTo("9.9");
            assertThat(answers.get(2).at("/result/tools").findValuesAsText("name"))
                    .contains("service_get", "client_list", "search_operations", "describe_operation", "call_operation")
                    .doesNotContain("client_update", "service_update");
            assertThat(answers.get(3).at("/result/isError").asBoolean()).isFalse();
            assertThat(answers.get(3).at("/result/content/0/text").asText()).isEqualTo("serviceName: slow");
            // An id may be given as the number answers print (serviceId is a string in the API).
            assertThat(answers.get(4).at("/result/isError").asBoolean()).isFalse();
            // The SDK checks arguments against the schema before the tool runs.
            assertThat(answers.get(5).at("/result/isError").asBoolean()).isTrue();
            assertThat(answers.get(5).at("/result/content/0/text").asText()).contains("serviceId");
            assertThat(api.requests()).hasSize(2);
        }
    }

    @Test
    @Timeout(60)
    void linesThatAreNotMessagesAreAnsweredAsErrorsAndTheSessionGoesOn() throws Exception {
        String initialize =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}";
        StringBuilder huge =
                new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/list\",\"params\":{\"x\":\"");
        huge.append("a".repeat(21 * 1024 * 1024)).append("\"}}");
        String input = String.join(
                        "\n",
                        "hello",
                        initialize,
                        "{}",
                        "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}]",
                        "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"tools/list\"}",
                        "{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"tools/list\"}",
                        "",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                        huge,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\"")
                + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuthleteMcpServer(
                        McpOptions.DEFAULTS,
                        () -> AuthleteClient.builder()
                                .baseUrl(URI.create("http://127.0.0.1:9"))
                                .token("t-1234567890"),
                        "9.9")
                .serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            messages.add(json.readTree(line));
        }
        List<String> errors = messages.stream()
                .filter(message -> message.has("error"))
                .map(message -> message.path("id").asText("null") + " "
                        + message.at("/error/code").asInt())
                .toList();
        assertThat(errors)
                .containsExactly(
                        "null -32700", // hello
                        "null -32600", // {}
                        "null -32600", // a batch
                        "null -32600", // an id that is an object
                        "8 -32600", // not JSON-RPC 2.0
                        "null -32600", // 21 MB
                        "null -32700"); // cut off at the end of input
        assertThat(messages.stream()
                        .filter(message -> message.has("result"))
                        .map(message -> message.path("id").asInt()))
                .as("the session went on after each")
                .containsExactly(1, 2);
        assertThat(messages.stream()
                        .filter(message -> message.path("id").asInt() == 2)
                        .findFirst()
                        .orElseThrow()
                        .at("/result/tools")
                        .findValuesAsText("name"))
                .contains("call_operation");
    }

    private static List<JsonNode> serve(String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuthleteMcpServer(
                        McpOptions.DEFAULTS,
                        () -> AuthleteClient.builder()
                                .baseUrl(URI.create("http://127.0.0.1:9"))
                                .token("t-1234567890"),
                        "9.9")
                .serve(
                        new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                        out);
        List<JsonNode> messages = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                messages.add(json.readTree(line));
            }
        }
        return messages;
    }

    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}";

    @Test
    @Timeout(60)
    void requestsThatComeTooEarlyAreAnsweredNotDropped() throws Exception {
        List<JsonNode> messages = serve(
                "{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}",
                INITIALIZE,
                // No notifications/initialized: a client that does not wait for its own notification.
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        Map<String, JsonNode> byId = new HashMap<>();
        messages.forEach(message -> byId.put(message.path("id").asText(), message));
        assertThat(byId).containsOnlyKeys("early", "p", "1", "2");
        assertThat(byId.get("early").at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(byId.get("p").has("result")).isTrue();
        assertThat(byId.get("2").at("/result/tools").findValuesAsText("name")).contains("client_get");
    }

    /** Requests piped in and the input closed at once: every answer arrives, every time (answers are counted). */
    @Test
    @Timeout(120)
    void pipedRequestsThenEndOfInputGetEveryAnswerEveryTime() throws Exception {
        for (int run = 0; run < 20; run++) {
            List<JsonNode> messages = serve(
                    INITIALIZE,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such/method\"}");
            assertThat(messages)
                    .as("run " + run)
                    .extracting(message -> message.path("id").asInt())
                    .containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    /** A tool the server does not list is named with the reason, not a bare "Unknown tool". */
    @Test
    @Timeout(60)
    void aToolThatIsNotListedIsNamedWithTheReason() throws Exception {
        List<JsonNode> messages = serve(
                INITIALIZE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"client_update\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"client_update_form\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}");
        Map<Integer, String> errors = new HashMap<>();
        messages.stream()
                .filter(message -> message.has("error"))
                .forEach(message -> errors.put(
                        message.path("id").asInt(), message.at("/error/message").asText()));
        assertThat(errors.get(2)).contains("client_update is not listed", "call_operation");
        assertThat(errors.get(3)).contains("another way to send the request of client_update");
        assertThat(errors.get(4)).startsWith("Unknown tool: no_such_tool").contains("search_operations");
    }
}
