package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which catalog operations become tools, and their names. */
public final class ToolSet {

    private ToolSet() {}

    /**
     * The tool name of an operation: its command words joined by underscores, hyphens too
     * ({@code client management refresh-secret} is {@code client_management_refresh_secret}), which every MCP client
     * accepts.
     */
    public static String name(Operation operation) {
        return String.join("_", operation.words()).replace('-', '_');
    }

    /** The operations the options expose, in catalog order. */
    public static List<Operation> exposed(Catalog catalog, McpOptions options) {
        Set<String> known = groups(catalog);
        for (String group : options.groups()) {
            if (!known.contains(group)) {
                throw new IllegalArgumentException(
                        "--tools: no group '" + group + "'; the groups are " + String.join(", ", known));
            }
        }
        return catalog.operations().stream()
                .filter(operation -> options.groups().isEmpty()
                        || options.groups().contains(operation.words().get(0)))
                .filter(operation -> !options.readOnly() || readsOnly(operation))
                .toList();
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
}
