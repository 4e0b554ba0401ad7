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
import java.util.HashMap;
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
                            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"service_get\",\"arguments\":{\"serviceId\":1}}}")
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
            assertThat(answers).containsOnlyKeys(1, 2, 3, 4);
            assertThat(answers.get(1).at("/result/serverInfo/name").asText()).isEqualTo("authlete");
            assertThat(answers.get(1).at("/result/serverInfo/version").asText()).isEqualTo("9.9");
            assertThat(answers.get(2).at("/result/tools").size()).isEqualTo(84);
            assertThat(answers.get(3).at("/result/isError").asBoolean()).isFalse();
            assertThat(answers.get(3).at("/result/content/0/text").asText()).isEqualTo("serviceName: slow");
            // The SDK checks arguments against the schema before the tool runs: serviceId is a string in the API.
            assertThat(answers.get(4).at("/result/isError").asBoolean()).isTrue();
            assertThat(answers.get(4).at("/result/content/0/text").asText())
                    .contains("serviceId")
                    .contains("string expected");
            assertThat(api.requests()).hasSize(1);
        }
    }
}
