package com.authlete.toolkit.render;

import java.util.Locale;
import java.util.Map;

/**
 * Whether to colour: {@code --color always|never} decide alone; {@code auto} (the default) follows
 * {@code NO_COLOR} (any non-empty value turns colour off), then {@code FORCE_COLOR} (non-empty, not "0", turns
 * it on), then whether standard output is a terminal. So no escape code reaches a pipe unless asked for.
 */
public enum ColorChoice {
    AUTO,
    ALWAYS,
    NEVER;

    public static ColorChoice parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--color expects auto, always or never, got '" + value + "'");
        }
    }

    public boolean enabled(boolean stdoutIsTerminal, Map<String, String> environment) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> {
                if (!environment.getOrDefault("NO_COLOR", "").isEmpty()) {
                    yield false;
                }
                String force = environment.getOrDefault("FORCE_COLOR", "");
                if (!force.isEmpty() && !force.equals("0") && !force.equalsIgnoreCase("false")) {
                    yield true;
                }
                yield stdoutIsTerminal;
            }
        };
    }
}
