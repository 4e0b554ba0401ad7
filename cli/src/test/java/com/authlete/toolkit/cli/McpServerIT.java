package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.core.testing.PrismServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code authlete mcp} (the packaged jar, through the launcher) driven by a client no one here wrote: the official
 * MCP TypeScript SDK over stdio, against Prism serving the real API description with {@code --errors}, so that a
 * successful call also proves the request broke nothing in the description.
 */
class McpServerIT {

    private static final String TOKEN = "mcp-e2e-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PrismServer prism;
    private static Path client;

    @BeforeAll
    static void startPrism() throws Exception {
        client = Peers.mcpClient();
        prism = PrismServer.start(Peers.prism(), Peers.openApi(), true);
    }

    @AfterAll
    static void stopPrism() throws Exception {
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void everyOperationIsAToolAndReadsAndWritesPassPrism() throws Exception {
        String exampleSecret =
                prismAnswer("/api/1/client/get/2").path("clientSecret").asText();
        assertThat(exampleSecret).hasSizeGreaterThan(20);

        JsonNode report = drive(
                List.of("--server-url", prism.url(), "--tools", "all", "--format", "toon"),
                Map.of(),
                List.of(
                        // service_list, not service_get: the description's own example for service get breaks its
                        // schema
                        // (supportedScopes), which Prism --errors answers with a 500 whatever the request.
                        call("service_list", Map.of()),
                        call("client_get", Map.of("serviceId", "715948317", "clientId", "2")),
                        call(
                                "client_create",
                                Map.of(
                                        "serviceId",
                                        "715948317",
                                        "clientName",
                                        "From MCP",
                                        "grantTypes",
                                        List.of("AUTHORIZATION_CODE"),
                                        "redirectUris",
                                        List.of("https://app.example/cb"))),
                        call(
                                "authorization_process_request",
                                Map.of(
                                        "serviceId",
                                        "715948317",
                                        "parameters",
                                        "response_type=code&client_id=2&redirect_uri=https%3A%2F%2Fapp.example%2Fcb")),
                        call("client_list", Map.of("serviceId", "715948317", "start", 0, "end", 1000)),
                        call("client_delete", Map.of("serviceId", "715948317", "clientId", "2")),
                        call(
                                "client_management_refresh_secret",
                                Map.of("serviceId", "715948317", "clientIdentifier", "2"))));

        assertThat(report.at("/server/name").asText()).isEqualTo("authlete");
        List<Operation> operations = Catalog.standard().operations();
        // Every operation but the five twins (client update-form and the -post twins of GETs).
        assertThat(report.path("tools")).hasSize(operations.size() - 5);
        assertThat(report.path("schemaErrors"))
                .as("input schemas rejected by Ajv")
                .isEmpty();
        JsonNode tools = byName(report.path("tools"));
        assertThat(tools.at("/client_get/annotations/readOnlyHint").asBoolean()).isTrue();
        assertThat(tools.at("/client_delete/annotations/destructiveHint").asBoolean())
                .isTrue();
        assertThat(tools.at("/client_create/annotations/destructiveHint").asBoolean(true))
                .isFalse();
        assertThat(tools.at("/client_create/inputSchema/properties/grantTypes/items/enum")
                        .toString())
                .contains("AUTHORIZATION_CODE");

        JsonNode results = report.path("results");
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i).path("isError").asBoolean())
                    .as("call %d: %s", i, results.get(i))
                    .isFalse();
        }
        assertThat(text(results.get(0))).contains("services[").contains("apiSecret: \"[REDACTED]\"");
        // TOON as asked; the client secret of Prism's example answer is redacted.
        assertThat(text(results.get(1)))
                .contains("clientName: My client")
                .contains("clientSecret: \"[REDACTED]\"")
                .doesNotContain(exampleSecret);
        assertThat(text(results.get(2))).contains("clientId:");
        assertThat(text(results.get(3))).contains("action:");
        assertThat(text(results.get(4))).contains("one call returns at most 50");
        assertThat(results.get(5).path("isError").asBoolean()).isTrue();
        assertThat(text(results.get(5))).contains("--allow-destructive");
        // Rotating a secret stops the old one from working: refused like a delete without --allow-destructive.
        assertThat(results.get(6).path("isError").asBoolean()).isTrue();
        assertThat(text(results.get(6))).contains("--allow-destructive");
        assertThat(tools.at("/client_management_refresh_secret/annotations/destructiveHint")
                        .asBoolean())
                .isTrue();

        assertThat(report.toString()).doesNotContain(TOKEN);
    }

    @Test
    void readOnlyAndGroupsNarrowTheToolsAndTheDefaultServiceIdApplies() throws Exception {
        JsonNode report = drive(
                List.of("--server-url", prism.url(), "--read-only", "--tools", "client,service", "--format", "json"),
                Map.of("AUTHLETE_SERVICE_ID", "715948317"),
                List.of(call("client_get", Map.of("clientId", "2")), call("client_create", Map.of("clientName", "x"))));
        assertThat(report.path("tools")).isNotEmpty().allSatisfy(tool -> {
            assertThat(tool.at("/annotations/readOnlyHint").asBoolean())
                    .as(tool.path("name").asText())
                    .isTrue();
            assertThat(tool.path("name").asText()).matches("(client|service)_.*");
        });
        assertThat(report.path("tools")).hasSizeLessThan(20);
        JsonNode get = report.at("/results/0");
        assertThat(get.path("isError").asBoolean()).as(get.toString()).isFalse();
        assertThat(JSON.readTree(text(get)).path("clientName").asText()).isEqualTo("My client"); // JSON on request
        assertThat(report.at("/results/1/protocolError").asText())
                .contains("client_create changes state, and this server runs with --read-only");
    }

    @Test
    void destructiveToolsRunWhenAllowedAndApiErrorsBecomeToolErrors() throws Exception {
        JsonNode allowed = drive(
                List.of("--server-url", prism.url(), "--allow-destructive", "--tools", "client"),
                Map.of(),
                List.of(
                        call("client_delete", Map.of("serviceId", "715948317", "clientId", "2")),
                        call(
                                "client_management_refresh_secret",
                                Map.of("serviceId", "715948317", "clientIdentifier", "2"))));
        assertThat(allowed.at("/results/0/isError").asBoolean())
                .as(allowed.at("/results/0").toString())
                .isFalse();
        // The one tool that hands out a new secret shows that one, says so, and hides the old one.
        JsonNode refreshed = prismAnswer("/api/1/client/secret/refresh/2");
        assertThat(text(allowed.at("/results/1")))
                .contains(refreshed.path("newClientSecret").asText())
                .contains("shown only this once")
                .doesNotContain(refreshed.path("oldClientSecret").asText());

        // A base URL Prism does not serve: its 404 comes back as a tool error naming the status.
        JsonNode failing = drive(
                List.of("--server-url", prism.url() + "/missing", "--retry", "0"),
                Map.of(),
                List.of(call("service_get", Map.of("serviceId", "715948317"))));
        assertThat(failing.at("/results/0/isError").asBoolean()).isTrue();
        assertThat(text(failing.at("/results/0"))).contains("HTTP 404");

        // Without a token the server still lists its tools; calls say how to get one.
        JsonNode noToken = drive(
                List.of("--server-url", prism.url()),
                Map.of("AUTHLETE_BEARER", ""),
                List.of(call("service_get", Map.of("serviceId", "715948317"))));
        assertThat(noToken.path("tools")).isNotEmpty();
        assertThat(text(noToken.at("/results/0"))).contains("no API token");
    }

    private static Map<String, Object> call(String name, Map<String, Object> arguments) {
        return Map.of("name", name, "arguments", arguments);
    }

    private static String text(JsonNode result) {
        List<String> texts = new ArrayList<>();
        result.path("texts").forEach(text -> texts.add(text.asText()));
        return String.join("\n", texts);
    }

    private static JsonNode byName(JsonNode tools) {
        ObjectNode byName = JSON.createObjectNode();
        tools.forEach(tool -> byName.set(tool.path("name").asText(), tool));
        return byName;
    }

    private static JsonNode prismAnswer(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(prism.url() + path))
                                .header("Authorization", "Bearer x")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Runs the TypeScript client with a plan: the server command (the real launcher), its environment, the calls. */
    private static JsonNode drive(
            List<String> serverFlags, Map<String, String> extraEnvironment, List<Map<String, Object>> calls)
            throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "JAVA_HOME", "LANG")) {
            if (System.getenv(name) != null) {
                environment.put(name, System.getenv(name));
            }
        }
        environment.put("XDG_CONFIG_HOME", TempDirs.create("authlete-mcp").toString());
        environment.put("AUTHLETE_KEYCHAIN", "none");
        environment.put("AUTHLETE_BEARER", TOKEN);
        environment.putAll(extraEnvironment);
        environment.values().removeIf(String::isEmpty);
        ObjectNode plan = JSON.createObjectNode();
        ObjectNode server = plan.putObject("server");
        server.put("command", LauncherProcess.launcher().toString());
        ArrayNode args = server.putArray("args").add("mcp");
        serverFlags.forEach(args::add);
        server.set("env", JSON.valueToTree(environment));
        plan.set("calls", JSON.valueToTree(calls));

        Path out = Files.createTempFile("mcp-report", ".json");
        Path err = Files.createTempFile("mcp-client", ".err");
        Process node = new ProcessBuilder("node", client.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (var stdin = node.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(plan));
        }
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("the MCP client did not finish in 120 s: " + Files.readString(err));
        }
        try {
            String report = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(node.exitValue())
                    .as("MCP client exit; stderr: %s", Files.readString(err))
                    .isZero();
            return JSON.readTree(report);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
