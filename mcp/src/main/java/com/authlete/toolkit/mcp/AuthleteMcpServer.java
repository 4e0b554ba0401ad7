package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Glossary;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.json.JsonTrees;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Authlete API as an MCP server: every exposed catalog operation is a tool, generated from the catalog (no
 * code per operation), served over stdio by the official MCP Java SDK.
 *
 * <pre>{@code
 * AuthleteMcpServer server = new AuthleteMcpServer(McpOptions.DEFAULTS, () -> AuthleteClient.builder().cluster("us").token(token), "1.0");
 * server.serve(System.in, System.out);   // until the client closes standard input
 * }</pre>
 */
public final class AuthleteMcpServer {

    private final McpOptions options;
    private final Connector connector;
    private final String version;
    private final Catalog catalog;
    private PrintStream debug;

    public AuthleteMcpServer(McpOptions options, Connector connector, String version) {
        this(Catalog.standard(), options, connector, version);
    }

    AuthleteMcpServer(Catalog catalog, McpOptions options, Connector connector, String version) {
        this.catalog = catalog;
        this.options = options;
        this.connector = connector;
        this.version = version;
    }

    /** Reports protocol errors (lines refused, requests too early) on this stream ({@code --debug}). */
    public AuthleteMcpServer debugLog(PrintStream log) {
        this.debug = log;
        return this;
    }

    /** The tools the options expose; fails with an {@link IllegalArgumentException} naming a bad option. */
    public List<AsyncToolSpecification> tools() {
        ToolSchemas schemas = new ToolSchemas(Glossary.standard(), options);
        ToolCalls calls = new ToolCalls(options, connector);
        List<AsyncToolSpecification> tools = new ArrayList<>();
        for (Operation operation : ToolSet.exposed(catalog, options)) {
            tools.add(specification(
                    McpSchema.Tool.builder()
                            .name(ToolSet.name(operation))
                            .title(operation.summary())
                            .description(ToolDescriptions.describe(operation, options))
                            .inputSchema(schemas.input(operation))
                            .annotations(annotations(operation))
                            .build(),
                    arguments -> calls.call(operation, arguments)));
        }
        if (ToolSet.discovery(options)) {
            DiscoveryTools discovery = new DiscoveryTools(catalog, options, schemas, calls);
            for (McpSchema.Tool tool : discovery.tools()) {
                tools.add(specification(tool, arguments -> discovery.call(tool.name(), arguments)));
            }
        }
        return tools;
    }

    private static AsyncToolSpecification specification(
            McpSchema.Tool tool, Function<Map<String, Object>, McpSchema.CallToolResult> call) {
        return AsyncToolSpecification.builder()
                .tool(tool)
                // Run where blocking is allowed, so that calls proceed side by side.
                .callHandler((exchange, request) -> Mono.fromCallable(() -> call.apply(request.arguments()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .build();
    }

    /**
     * Serves one client on these streams until its input ends and the answers under way are written.
     *
     * @throws IllegalArgumentException before anything is read, for options that cannot work (a group with no tools)
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        StdioLifetime lifetime = new StdioLifetime();
        List<AsyncToolSpecification> tools = tools();
        Set<String> listed = tools.stream().map(tool -> tool.tool().name()).collect(Collectors.toSet());
        // The toolkit's mapper (exact numbers in arguments too), copied so the SDK configures its own instance.
        McpJsonMapper json = new JacksonMcpJsonMapper(JsonTrees.mapper().copy());
        JsonRpcLines.WholeLines lines = new JsonRpcLines.WholeLines(out, lifetime);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(
                json,
                lifetime.input(new JsonRpcLines(
                        in,
                        lines,
                        lifetime,
                        name -> listed.contains(name) ? null : ToolSet.whyNotListed(catalog, options, name),
                        debug)),
                lines);
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo("authlete", version)
                .instructions(instructions())
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .tools(tools)
                .build();
        lifetime.awaitEnd();
        server.closeGracefully().block(Duration.ofSeconds(5));
    }

    private String instructions() {
        return "Tools for the Authlete API (OAuth 2.0 and OpenID Connect as a service), one per operation, named after the "
                + "authlete CLI's commands (client_list is 'authlete client list'). Lists return at most "
                + options.pageLimit()
                + " items per call: pass start and end to page. Results are "
                + (options.format() == null
                        ? "TOON or JSON, whichever is smaller"
                        : options.format().name().toLowerCase(Locale.ROOT))
                + "; read tools take fields to return only the fields named; secrets in them are redacted except in the one answer that hands out a new secret."
                + (options.defaultServiceId() != null
                        ? " serviceId defaults to " + options.defaultServiceId() + "."
                        : "")
                + (options.allowDestructive()
                        ? ""
                        : " Tools that delete or revoke refuse: the server runs without --allow-destructive.");
    }

    private static McpSchema.ToolAnnotations annotations(Operation operation) {
        boolean reads = ToolSet.readsOnly(operation);
        String method = operation.method();
        // MCP assumes destructive unless told otherwise: every write says which it is. An update of a whole object
        // overwrites what is there (all of it with replace=true): destructive in MCP's sense, though it runs.
        return new McpSchema.ToolAnnotations(
                operation.summary(),
                reads,
                reads ? null : operation.destructive() || operation.replacesWholeObject(),
                reads || method.equals("PUT") || method.equals("DELETE"),
                false,
                null);
    }
}
