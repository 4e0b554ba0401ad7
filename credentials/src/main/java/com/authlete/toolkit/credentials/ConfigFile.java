package com.authlete.toolkit.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code $XDG_CONFIG_HOME/authlete/config.yaml} (default {@code ~/.config/authlete/config.yaml}): named profiles
 * with their settings, and which one is the default. Written atomically with mode 0600.
 *
 * <pre>
 * default-profile: jp-prod
 * profiles:
 *   jp-prod:
 *     server: "1"
 *     service-id: "715948317"
 * </pre>
 */
public final class ConfigFile {

    public static final String DEFAULT_PROFILE = "default";
    /** Where a token lives when no keychain is available. */
    public static final String TOKEN_KEY = "token";

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public static ConfigFile forEnvironment(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return new ConfigFile(base.resolve("authlete").resolve("config.yaml"));
    }

    public Path path() {
        return path;
    }

    /**
     * A warning when the file holds a token yet others may read it (group or world permissions), as ssh warns of
     * an unprotected key; empty otherwise, and where the file system has no POSIX permissions.
     */
    public Optional<String> exposureWarning() {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            boolean exposed = permissions.stream()
                    .anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
            if (!exposed) {
                return Optional.empty();
            }
            return Optional.of(path + " holds a token but others can read it (mode "
                    + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + path);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    public Optional<String> defaultProfile() throws CredentialsException {
        JsonNode value = YamlFiles.read(path).get("default-profile");
        return value == null || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    public List<String> profileNames() throws CredentialsException {
        List<String> names = new ArrayList<>();
        YamlFiles.read(path).path("profiles").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The profile's values as text (an absent profile has none). */
    public Map<String, String> profile(String name) throws CredentialsException {
        Map<String, String> values = new LinkedHashMap<>();
        YamlFiles.read(path)
                .path("profiles")
                .path(name)
                .fields()
                .forEachRemaining(
                        field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    /** Sets (or, for null values, removes) keys of a profile; optionally makes it the default. */
    public void update(String name, Map<String, String> values, boolean makeDefault) throws CredentialsException {
        YamlFiles.update(path, true, document -> {
            ObjectNode profiles =
                    document.has("profiles") && document.get("profiles").isObject()
                            ? (ObjectNode) document.get("profiles")
                            : document.putObject("profiles");
            ObjectNode profile = profiles.has(name) && profiles.get(name).isObject()
                    ? (ObjectNode) profiles.get(name)
                    : profiles.putObject(name);
            values.forEach((key, value) -> {
                if (value == null) {
                    profile.remove(key);
                } else {
                    profile.put(key, value);
                }
            });
            if (makeDefault) {
                document.put("default-profile", name);
            }
            return true;
        });
    }
}
