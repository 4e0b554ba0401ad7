package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP Inspector (a client other than the project's own) starts the packaged server from a configuration file, as
 * Claude Desktop or Cursor would, and lists and calls tools against a stateful fake of the API.
 */
class McpInspectorIT {

    private static final String SERVICE = "715948317";
    private static final String TOKEN = "inspector-token-1234567890";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private FakeAuthlete fake;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE, TOKEN).fillingDefaults();
        ObjectNode server = JSON.createObjectNode();
        server.put("command", LauncherProcess.launcher().toString());
        server.putArray("args")
                .add("mcp")
                .add("--server-url")
                .add(fake.url())
                .add("--service-id")
                .add(SERVICE);
        server.putObject("env")
                .put("AUTHLETE_BEARER", TOKEN)
                .put("AUTHLETE_KEYCHAIN", "none")
                .put("XDG_CONFIG_HOME", home.resolve("config").toString());
        ObjectNode file = JSON.createObjectNode();
        file.putObject("mcpServers").set("authlete", server);
        config = home.resolve("mcp.json");
        Files.writeString(config, file.toString());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode inspect(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Peers.mcpInspector().toString(), "--cli", "--config", config.toString(), "--server", "authlete"));
        command.addAll(List.of(arguments));
        Path out = home.resolve("inspector.out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(home.resolve("inspector.err").toFile())
                .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as(text + Files.readString(home.resolve("inspector.err")))
                .isZero();
        return JSON.readTree(text);
    }

    private static String text(JsonNode result) {
        return result.at("/content/0/text").asText();
    }

    @Test
    void theDefaultListFitsItsBudgetAndDiscoveryReachesAWriteAndARead() throws Exception {
        JsonNode list = inspect("--method", "tools/list");
        byte[] tools = JsonTrees.mapper().writeValueAsBytes(Map.of("tools", list.path("tools")));
        assertThat(tools.length).as("tools/list bytes").isLessThanOrEqualTo(40 * 1024);
        assertThat(list.path("tools").findValuesAsText("name"))
                .contains("client_list", "search_operations", "describe_operation", "call_operation")
                .allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(48));

        JsonNode found = inspect(
                "--method", "tools/call", "--tool-name", "search_operations", "--tool-arg", "query=update client");
        assertThat(text(found)).contains("client_update");

        ObjectNode shop = fake.addClient((ObjectNode) JsonTrees.parse(
                "{\"clientName\":\"Shop\",\"clientType\":\"CONFIDENTIAL\",\"redirectUris\":[\"https://shop/cb\"]}"
                        .getBytes(StandardCharsets.UTF_8)));
        String id = shop.path("clientId").asText();
        JsonNode updated = inspect(
                "--method",
                "tools/call",
                "--tool-name",
                "call_operation",
                "--tool-arg",
                "operation=client_update",
                "--tool-arg",
                "arguments={\"clientId\":\"" + id + "\",\"description\":\"set by an agent\"}");
        assertThat(updated.path("isError").asBoolean()).as(updated.toString()).isFalse();
        ObjectNode after = fake.clients().get(0);
        assertThat(after.path("description").asText()).isEqualTo("set by an agent");
        assertThat(after.path("clientType").asText())
                .as("a partial update keeps the rest")
                .isEqualTo("CONFIDENTIAL");
        assertThat(after.path("redirectUris")).isEqualTo(shop.path("redirectUris"));

        JsonNode read =
                inspect("--method", "tools/call", "--tool-name", "client_get", "--tool-arg", "clientId=\"" + id + "\"");
        assertThat(text(read))
                .contains("set by an agent")
                .doesNotContain(shop.path("clientSecret").asText());
    }
}
