package com.authlete.toolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.OutputFormat;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
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
}
