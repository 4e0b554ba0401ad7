package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.TransportSetup;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.Confirmation;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.mcp.AuthleteMcpServer;
import com.authlete.toolkit.mcp.McpOptions;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

@Command(
        name = "mcp",
        description =
                "Serve the API's operations as MCP tools over standard input and output, for AI assistants "
                        + "and other MCP clients. Uses the same profile, server, token, proxy and certificate settings as every command.")
public final class McpCommand extends BuiltinCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @AirlineModule
    NetworkOptions network = new NetworkOptions();

    @Option(
            name = "--read-only",
            description =
                    "Expose only the operations that read (GET requests, except the one that replaces a client secret).")
    boolean readOnly;

    @Option(
            name = "--allow-destructive",
            description = "Let the tools that delete, revoke or rotate a secret run (by default they are listed but"
                    + " refuse).")
    boolean allowDestructive;

    @Option(
            name = "--tools",
            title = "groups",
            description =
                    "Which tools to list, comma-separated: command groups (client, service, token, ...), 'all' for"
                            + " every operation, 'discovery' for search_operations, describe_operation and call_operation"
                            + " (which reach every operation). Default: the service and client management tools but the"
                            + " three whole-object writes, plus discovery (about 22 KB).")
    String tools;

    @Option(
            name = "--format",
            title = "auto|toon|json",
            description = "Format of tool results: auto (the default: TOON or compact JSON, whichever is smaller for"
                    + " each answer), toon or json.")
    String format;

    @Option(
            name = "--page-limit",
            title = "n",
            description = "Most items one call returns (default " + McpOptions.DEFAULT_PAGE_LIMIT + ", at most 500).")
    Integer pageLimit;

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException {
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        CredentialStore.requireKnownProfile(settings, context.environment());
        try {
            McpOptions options = new McpOptions(
                    readOnly,
                    allowDestructive,
                    groups(),
                    format == null ? null : McpOptions.format(format),
                    pageLimit == null ? McpOptions.DEFAULT_PAGE_LIMIT : pageLimit,
                    settings.get("service-id").orElse(null));
            // What cannot work fails now, before a client connects, rather than at every tool call: the server, time
            // limits, CA file, proxy settings. (The token is looked up per call: it may change while the server runs.)
            TransportSetup.client(
                            settings,
                            context.environment(),
                            null,
                            network,
                            context.version(),
                            context.err(),
                            Confirmation.ALLOW)
                    .build()
                    .close();
            if (context.terminal().stdinIsTerminal()) {
                // A person who ran this by hand would otherwise see nothing happen.
                context.err()
                        .println("authlete mcp: serving MCP over standard input and output, waiting for a client"
                                + " (run it from an MCP client's configuration; Ctrl-D ends it)");
            }
            new AuthleteMcpServer(options, () -> connector(settings, context), context.version())
                    .debugLog(network.debugging() ? context.err() : null)
                    .serve(context.input(), context.out());
        } catch (IllegalArgumentException e) {
            // Raised before anything is read from standard input: the options, the settings, the tool groups.
            throw CliException.usage(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Per tool call: connected as every command connects (profile, server, token chain, default service id, flags). */
    private AuthleteClient.Builder connector(Settings settings, CommandContext context) {
        try {
            return TransportSetup.client(
                    settings,
                    context.environment(),
                    null,
                    network,
                    context.version(),
                    context.err(),
                    Confirmation.ALLOW);
        } catch (CliException | CredentialsException e) {
            throw new AuthleteException(ErrorCategory.CONFIGURATION, e.getMessage(), e);
        }
    }

    private Set<String> groups() {
        return tools == null
                ? Set.of()
                : Arrays.stream(tools.split(","))
                        .map(String::strip)
                        .filter(group -> !group.isEmpty())
                        .collect(Collectors.toSet());
    }
}
