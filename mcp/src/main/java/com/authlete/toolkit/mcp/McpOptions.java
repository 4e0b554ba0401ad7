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
 * @param format           results as {@link OutputFormat#TOON} (compact for prompts) or {@link OutputFormat#JSON}, or
 *                         null for whichever of the two is smaller for each answer
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
    public static final McpOptions DEFAULTS = new McpOptions(false, false, Set.of(), null, DEFAULT_PAGE_LIMIT, null);

    /**
     * The result format named on the command line: toon or json, the only two this server writes, or auto (null:
     * the smaller of the two for each answer).
     */
    public static OutputFormat format(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "toon" -> OutputFormat.TOON;
            case "json" -> OutputFormat.JSON;
            case "auto" -> null;
            default -> throw new IllegalArgumentException("--format expects auto, toon or json, got '" + name + "'");
        };
    }

    public McpOptions {
        groups = Set.copyOf(groups);
        if (format != null && format != OutputFormat.TOON && format != OutputFormat.JSON) {
            throw new IllegalArgumentException(
                    "--format expects auto, toon or json, got '" + format.name().toLowerCase(Locale.ROOT) + "'");
        }
        if (pageLimit < 1 || pageLimit > 500) {
            throw new IllegalArgumentException("--page-limit expects 1 to 500, got " + pageLimit);
        }
    }
}
