package com.authlete.toolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Glossary;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.OutputFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** search, describe and call any operation, with the checks its own tool would get, against a stateful fake. */
class DiscoveryToolsTest {

    private static final String SERVICE = "715948317";
    private static final String TOKEN = "fake-token-1234567890";

    private FakeAuthlete fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE, TOKEN).fillingDefaults();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private DiscoveryTools discovery(boolean readOnly, boolean allowDestructive) {
        McpOptions options =
                new McpOptions(readOnly, allowDestructive, Set.of("discovery"), OutputFormat.JSON, 50, SERVICE);
        ToolCalls calls = new ToolCalls(
                options,
                () -> AuthleteClient.builder()
                        .baseUrl(URI.create(fake.url()))
                        .token(TOKEN)
                        .serviceId(SERVICE));
        return new DiscoveryTools(Catalog.standard(), options, new ToolSchemas(Glossary.standard(), options), calls);
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .map(content -> ((McpSchema.TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void searchFindsOperationsByWhatTheyDo() throws Exception {
        McpSchema.CallToolResult found =
                discovery(false, false).call(DiscoveryTools.SEARCH, Map.of("query", "update a client", "limit", 5));
        assertThat(found.isError()).as(text(found)).isFalse();
        JsonNode rows = JsonTrees.parse(text(found).getBytes()).path("operations");
        assertThat(rows.get(0).path("name").asText()).isEqualTo("client_update");
        assertThat(rows.findValuesAsText("name")).hasSizeLessThanOrEqualTo(5).doesNotContain("client_update_form");

        JsonNode secret = JsonTrees.parse(text(discovery(false, false)
                                .call(DiscoveryTools.SEARCH, Map.of("query", "rotate client secret refresh")))
                        .getBytes())
                .path("operations");
        assertThat(secret.get(0).path("name").asText()).isEqualTo("client_management_refresh_secret");
        assertThat(secret.get(0).path("access").asText()).isEqualTo("destructive");

        assertThat(discovery(false, false)
                        .call(DiscoveryTools.SEARCH, Map.of("query", "zzzz qqqq"))
                        .isError())
                .isTrue();
    }

    @Test
    void describeGivesTheSchemaItsOwnToolWouldHave() throws Exception {
        McpSchema.CallToolResult described =
                discovery(false, false).call(DiscoveryTools.DESCRIBE, Map.of("operation", "client_update"));
        JsonNode answer = JsonTrees.parse(text(described).getBytes());
        assertThat(answer.at("/inputSchema/properties/clientName/type").asText())
                .isEqualTo("string");
        assertThat(answer.at("/inputSchema/properties/replace/type").asText()).isEqualTo("boolean");
        assertThat(answer.at("/inputSchema/properties").has("clientSecret"))
                .as("server-set fields are not arguments")
                .isFalse();
        assertThat(answer.path("access").asText()).isEqualTo("write");

        McpSchema.CallToolResult unknown =
                discovery(false, false).call(DiscoveryTools.DESCRIBE, Map.of("operation", "client_updat"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("did you mean", "client_update");
    }

    @Test
    void callRunsAWriteAndAReadWithTheSameChecksAsTheirTools() throws Exception {
        ObjectNode shop = fake.addClient((ObjectNode) JsonTrees.parse(
                "{\"clientName\":\"Shop\",\"clientType\":\"CONFIDENTIAL\",\"redirectUris\":[\"https://shop/cb\"]}"
                        .getBytes()));
        String id = shop.path("clientId").asText();

        McpSchema.CallToolResult updated = discovery(false, false)
                .call(
                        DiscoveryTools.CALL,
                        Map.of(
                                "operation",
                                "client_update",
                                "arguments",
                                Map.of("clientId", id, "description", "new")));
        assertThat(updated.isError()).as(text(updated)).isFalse();
        ObjectNode after = fake.clients().get(0);
        assertThat(after.path("description").asText()).isEqualTo("new");
        assertThat(after.path("clientType").asText())
                .as("a partial update keeps the rest")
                .isEqualTo("CONFIDENTIAL");
        assertThat(after.path("redirectUris")).isEqualTo(shop.path("redirectUris"));

        McpSchema.CallToolResult read = discovery(false, false)
                .call(DiscoveryTools.CALL, Map.of("operation", "client get", "arguments", Map.of("clientId", id)));
        assertThat(JsonTrees.parse(text(read).getBytes()).path("description").asText())
                .isEqualTo("new");
        assertThat(text(read))
                .as("secrets masked as in any result")
                .doesNotContain(shop.path("clientSecret").asText());

        McpSchema.CallToolResult badType = discovery(false, false)
                .call(DiscoveryTools.CALL, Map.of("operation", "client_get", "arguments", Map.of("clientId", true)));
        assertThat(badType.isError()).isTrue();
        assertThat(text(badType)).contains("invalid arguments for client_get", "clientId");

        fake.clearRequests();
        McpSchema.CallToolResult delete = discovery(false, false)
                .call(DiscoveryTools.CALL, Map.of("operation", "client_delete", "arguments", Map.of("clientId", id)));
        assertThat(delete.isError()).isTrue();
        assertThat(text(delete)).contains("--allow-destructive");
        McpSchema.CallToolResult readOnly = discovery(true, false)
                .call(
                        DiscoveryTools.CALL,
                        Map.of("operation", "client_update", "arguments", Map.of("clientId", id, "description", "x")));
        assertThat(readOnly.isError()).isTrue();
        assertThat(text(readOnly)).contains("that reads only");
        assertThat(fake.writes()).isEmpty();
        assertThat(List.of(fake.clients().get(0).path("description").asText())).containsExactly("new");
    }
}
