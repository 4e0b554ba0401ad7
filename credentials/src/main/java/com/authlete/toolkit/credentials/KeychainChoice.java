package com.authlete.toolkit.credentials;

import java.util.Locale;
import java.util.Map;

/**
 * The keychain the environment asks for: {@value #ENV} is {@code system} (the default; {@code auto} is the same)
 * or {@code none}. Apart from {@link SystemKeychain} so that checking the setting loads no keychain library.
 */
public final class KeychainChoice {

    public static final String ENV = "AUTHLETE_KEYCHAIN";

    private KeychainChoice() {}

    /** {@code system} or {@code none}; an unknown value is refused, not taken for the default. */
    public static String of(Map<String, String> environment) {
        String choice = environment.getOrDefault(ENV, "").strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "", "auto", "system" -> "system";
            case "none" -> "none";
            default ->
                throw new IllegalArgumentException(ENV + " must be system or none, got '" + environment.get(ENV) + "'");
        };
    }
}
