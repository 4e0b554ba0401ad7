package com.authlete.toolkit.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats. */
public enum OutputFormat {
    PRETTY,
    JSON,
    YAML,
    TABLE,
    TOON;

    /** Parses a format name in any case; the error lists the valid names. */
    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + name + "'; use one of: " + names());
        }
    }

    public static String names() {
        return Arrays.stream(values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
