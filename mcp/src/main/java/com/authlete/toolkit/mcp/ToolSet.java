package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which catalog operations become tools, and their names. With no {@code --tools}, the default set: the management
 * tools of the {@code service} and {@code client} groups except the three that carry a whole object
 * ({@code service_update}, {@code client_create}, {@code client_update}: 16-25 KB of schema each), plus the discovery
 * tools, through which those three and every other operation are reached ({@link DiscoveryTools}). {@code all}
 * exposes every operation; a group name exposes that group; {@code discovery} the discovery tools. An operation
 * that is only another way to send the same request ({@code client update-form}, the {@code -post} twins of GETs) is
 * never a tool of its own.
 */
public final class ToolSet {

    /** Longest tool name: clients prefix names ({@code mcp__authlete__} in Claude Code) and refuse more than 64. */
    static final int MAX_NAME = 48;

    static final String ALL = "all";
    static final String DISCOVERY = "discovery";
    static final Set<String> DEFAULT_GROUPS = Set.of("service", "client");
    static final Set<String> WHOLE_OBJECT_WRITES = Set.of("service update", "client create", "client update");

    private ToolSet() {}

    /**
     * The tool name of an operation: its command words joined by underscores, hyphens too
     * ({@code client management refresh-secret} is {@code client_management_refresh_secret}), which every MCP client
     * accepts; a name longer than {@value #MAX_NAME} characters leaves out the word {@code management}.
     */
    public static String name(Operation operation) {
        String name = String.join("_", operation.words()).replace('-', '_');
        return name.length() <= MAX_NAME ? name : name.replace("_management_", "_");
    }

    /** The operations the options expose as tools of their own, in catalog order. */
    public static List<Operation> exposed(Catalog catalog, McpOptions options) {
        Set<String> known = groups(catalog);
        for (String group : options.groups()) {
            if (!known.contains(group) && !group.equals(ALL) && !group.equals(DISCOVERY)) {
                throw new IllegalArgumentException("--tools: no group '" + group + "'; the groups are " + ALL + ", "
                        + DISCOVERY + ", " + String.join(", ", known));
            }
        }
        boolean all = options.groups().contains(ALL);
        boolean byDefault = options.groups().isEmpty();
        return callable(catalog, options).stream()
                .filter(operation -> all
                        || (byDefault
                                ? DEFAULT_GROUPS.contains(operation.words().get(0))
                                        && !WHOLE_OBJECT_WRITES.contains(operation.command())
                                : options.groups().contains(operation.words().get(0))))
                .toList();
    }

    /** Whether the discovery tools are offered: by default, with {@code discovery}, or beside groups. */
    static boolean discovery(McpOptions options) {
        return options.groups().isEmpty() || options.groups().contains(DISCOVERY);
    }

    /** Every operation a call may reach, through a tool or the discovery tools: no twins; reads only if so set. */
    static List<Operation> callable(Catalog catalog, McpOptions options) {
        return catalog.operations().stream()
                .filter(operation -> !isTwin(catalog, operation))
                .filter(operation -> !options.readOnly() || readsOnly(operation))
                .toList();
    }

    /**
     * Another way to send an operation's request: the last word is another operation's with {@code -post} or
     * {@code -form} added ({@code client update-form} sends {@code client update} form-encoded).
     */
    static boolean isTwin(Catalog catalog, Operation operation) {
        List<String> words = operation.words();
        String last = words.get(words.size() - 1);
        for (String suffix : List.of("-post", "-form")) {
            if (last.endsWith(suffix)) {
                String base = String.join(" ", words.subList(0, words.size() - 1)) + " "
                        + last.substring(0, last.length() - suffix.length());
                if (catalog.find(base.strip()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first command words, such as {@code client} and {@code service}. */
    public static Set<String> groups(Catalog catalog) {
        return catalog.operations().stream()
                .map(operation -> operation.words().get(0))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * GET requests read, except one that hands out a newly generated secret (it replaces the old one); every other
     * method may change something (Authlete's runtime POSTs record grants and tokens).
     */
    static boolean readsOnly(Operation operation) {
        return operation.method().equals("GET") && !operation.revealsSecret();
    }

    /** Why a tool name a client called is not listed here, in words for the model. */
    static String whyNotListed(Catalog catalog, McpOptions options, String name) {
        Operation operation = catalog.operations().stream()
                .filter(candidate -> name(candidate).equals(name))
                .findFirst()
                .orElse(null);
        String reach = discovery(options) ? "; call it through call_operation" : "";
        if (operation == null) {
            return "Unknown tool: " + name
                    + (discovery(options) ? "; search_operations finds operations by what they do" : "");
        }
        if (isTwin(catalog, operation)) {
            String base = operation.command().replaceAll("-(post|form)$", "");
            return name + " is another way to send the request of " + name(catalog.operation(base)) + "; use that";
        }
        if (options.readOnly() && !readsOnly(operation)) {
            return name + " changes state, and this server runs with --read-only";
        }
        return name + " is not listed by this server (its --tools "
                + (options.groups().isEmpty() ? "default" : String.join(",", options.groups()))
                + " leaves it out to keep the tool list small)"
                + (reach.isEmpty()
                        ? "; restart it with --tools " + operation.words().get(0)
                        : reach);
    }
}
