package com.authlete.toolkit.mcp;

import com.authlete.toolkit.render.OutputFormat;
import java.util.Locale;
import java.util.Set;

/**
 * What the server exposes and how it answers.
 *
 * @param readOnly         only operations that read (GET) become tools
 * @param allowDestructive tools that delete or revoke run; otherwise they are listed but refuse
 * @param groups           the command groups exposed ({@code client}, {@code service}); empty for all
 * @param format           results as {@link OutputFormat#TOON} (compact for prompts) or {@link OutputFormat#JSON}
 * @param pageLimit        the most items one call returns; paginated lists are asked for at most this many
 * @param defaultServiceId the service id used when a call leaves {@code serviceId} out (the profile's), or null
 */
public record McpOptions(
        boolean readOnly,
        boolean allowDestructive,
        Set<String> groups,
        OutputFormat format,
        int pageLimit,
        String defaultServiceId) {

    public static final int DEFAULT_PAGE_LIMIT = 50;
    public static final McpOptions DEFAULTS =
            new McpOptions(false, false, Set.of(), OutputFormat.TOON, DEFAULT_PAGE_LIMIT, null);

    public McpOptions {
        groups = Set.copyOf(groups);
        if (format != OutputFormat.TOON && format != OutputFormat.JSON) {
            throw new IllegalArgumentException(
                    "--format expects toon or json, got '" + format.name().toLowerCase(Locale.ROOT) + "'");
        }
        if (pageLimit < 1 || pageLimit > 500) {
            throw new IllegalArgumentException("--page-limit expects 1 to 500, got " + pageLimit);
        }
    }
}
