package com.authlete.toolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.FieldSelector;
import com.authlete.toolkit.render.OutputFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a client pays to load the tool list (bytes of the tools/list result; a model's tokens are about a quarter of
 * that): the default set stays within 40 KB, the discovery tools within a few KB, and every name within the length
 * clients accept after their prefixes.
 */
class ToolListSizeTest {

    static int bytes(McpOptions options) throws Exception {
        List<McpSchema.Tool> tools = new AuthleteMcpServer(options, () -> null, "test")
                .tools().stream().map(AsyncToolSpecification::tool).toList();
        return JsonTrees.mapper().writeValueAsBytes(Map.of("tools", tools)).length;
    }

    static McpOptions tools(String... groups) {
        return new McpOptions(false, false, Set.of(groups), OutputFormat.TOON, 50, null);
    }

    @Test
    void theDefaultSetAndTheDiscoveryToolsStayWithinTheirBudgets() throws Exception {
        int byDefault = bytes(McpOptions.DEFAULTS);
        int discovery = bytes(tools("discovery"));
        int all = bytes(tools("all"));
        assertThat(byDefault).as("default set").isLessThanOrEqualTo(40 * 1024);
        assertThat(discovery).as("discovery tools").isLessThanOrEqualTo(6 * 1024);
        assertThat(all).as("every operation").isGreaterThan(byDefault);
        System.out.printf(
                "tools/list bytes: default %d, discovery %d, client,service %d, client %d, all %d%n",
                byDefault, discovery, bytes(tools("client", "service")), bytes(tools("client")), all);
    }

    @Test
    void everyNameFitsBehindAClientsPrefix() {
        List<McpSchema.Tool> tools = new AuthleteMcpServer(tools("all", "discovery"), () -> null, "test")
                .tools().stream().map(AsyncToolSpecification::tool).toList();
        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[a-z0-9_]{1," + ToolSet.MAX_NAME + "}"));
    }

    /** A page of 50 clients as each format writes it; the smaller is what auto sends. Figures for the README. */
    @Test
    void aPageOfFiftyClientsInEachFormat() throws Exception {
        ObjectNode page =
                JsonTrees.NODES.objectNode().put("start", 0).put("end", 50).put("totalCount", 130);
        ArrayNode clients = page.putArray("clients");
        for (int i = 0; i < 50; i++) {
            ObjectNode client = clients.addObject()
                    .put("clientId", 1140735077L + i * 7919L)
                    .put("clientName", "App " + i)
                    .put("clientIdAlias", "app-" + i)
                    .put("clientIdAliasEnabled", true)
                    .put("clientType", i % 3 == 0 ? "PUBLIC" : "CONFIDENTIAL")
                    .put("tokenAuthMethod", i % 3 == 0 ? "NONE" : "CLIENT_SECRET_BASIC")
                    .put("description", "Client number " + i + " of the shop")
                    .put("createdAt", 1_700_000_000_000L + i)
                    .put("modifiedAt", 1_700_000_100_000L + i);
            client.putArray("redirectUris").add("https://app" + i + ".example.com/cb");
            client.putArray("grantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN");
            client.putArray("responseTypes").add("CODE");
        }
        int toon = size(new ToolResults(OutputFormat.TOON).answer(page, List.of()));
        int json = size(new ToolResults(OutputFormat.JSON).answer(page, List.of()));
        int auto = size(new ToolResults(null).answer(page, List.of()));
        assertThat(auto).isEqualTo(Math.min(toon, json));
        ObjectNode picked = page.deepCopy();
        picked.set("clients", new FieldSelector(List.of("clientId", "clientName")).apply(page.get("clients")));
        int fields = size(new ToolResults(null).answer(picked, List.of()));
        assertThat(fields).isLessThan(auto / 4);
        System.out.printf(
                "50-client page: toon %d, json %d, auto %d, fields clientId,clientName %d%n", toon, json, auto, fields);
    }

    private static int size(McpSchema.CallToolResult result) {
        return result.content().stream()
                .mapToInt(content -> ((McpSchema.TextContent) content).text().getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }
}
