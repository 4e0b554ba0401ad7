package com.authlete.toolkit.credentials;

import com.authlete.toolkit.credentials.connect.CredentialChain;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The CLI's settings ({@code server}, {@code server-url}, {@code service-id}, {@code profile},
 * {@code output-format}, {@code color}) read through MicroProfile Config (SmallRye) from four sources, highest
 * first: flags; {@code AUTHLETE_*} environment variables; the {@code .authlete.yaml} link file; the active profile
 * of the config file.
 */
public final class Settings {

    static final String PREFIX = "authlete.";
    static final int FLAGS = 400;
    static final int ENVIRONMENT = 300;
    static final int LINK = 200;
    static final int PROFILE = 100;

    private final SmallRyeConfig config;
    private final String profile;
    private final ConfigFile configFile;
    private final LinkFile link;

    private Settings(SmallRyeConfig config, String profile, ConfigFile configFile, LinkFile link) {
        this.config = config;
        this.profile = profile;
        this.configFile = configFile;
        this.link = link;
    }

    /**
     * @param flags       settings given on the command line, by key ({@code service-id}); null values are absent
     * @param environment the process environment
     * @param directory   where to start looking for a link file
     */
    public static Settings load(Map<String, String> flags, Map<String, String> environment, Path directory)
            throws CredentialsException {
        String profileFlag = flags.get("profile");
        if (profileFlag != null && profileFlag.isBlank()) {
            // An empty value reads as "not set" to the config library, which would quietly pick another profile.
            throw new UnknownProfileException(profileFlag, "an empty profile name (from --profile)");
        }
        ConfigFile configFile = ConfigFile.forEnvironment(environment);
        LinkFile link = LinkFile.find(directory).orElse(null);
        ConfigSource flagSource = source("flags", flags, FLAGS);
        ConfigSource environmentSource = new EnvConfigSource(authleteVariables(environment), ENVIRONMENT);
        ConfigSource linkSource = source("link file", link == null ? Map.of() : link.values(), LINK);
        SmallRyeConfig withoutProfile = new SmallRyeConfigBuilder()
                .withSources(flagSource, environmentSource, linkSource)
                .build();
        String profile = withoutProfile
                .getOptionalValue(PREFIX + "profile", String.class)
                .or(() -> defaultProfile(configFile))
                .orElse(ConfigFile.DEFAULT_PROFILE);
        Map<String, String> profileValues = new LinkedHashMap<>(configFile.profile(profile));
        profileValues.remove(ConfigFile.TOKEN_KEY); // a token is a credential, not a setting
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(
                        flagSource, environmentSource, linkSource, source("profile " + profile, profileValues, PROFILE))
                .build();
        return new Settings(config, profile, configFile, link);
    }

    private static Optional<String> defaultProfile(ConfigFile file) {
        try {
            return file.defaultProfile();
        } catch (CredentialsException e) {
            return Optional.empty(); // reported when the profile itself is read
        }
    }

    private static Map<String, String> authleteVariables(Map<String, String> environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("AUTHLETE_")
                    && !name.equals(CredentialChain.BEARER_ENV)
                    && value != null
                    && !value.isBlank()) {
                variables.put(name, value);
            }
        });
        return variables;
    }

    private static ConfigSource source(String name, Map<String, String> values, int ordinal) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                prefixed.put(PREFIX + key, value);
            }
        });
        return new MapBackedConfigSource(name, prefixed, ordinal) {
            private static final long serialVersionUID = 1L;
        };
    }

    public Optional<String> get(String key) {
        return config.getOptionalValue(PREFIX + key, String.class);
    }

    /**
     * How strongly a setting was given: higher wins (flags, then environment, then link file, then profile); 0 when
     * absent. Lets two related settings ({@code server} and {@code server-url}) be ranked against each other.
     */
    public int rank(String key) {
        var value = config.getConfigValue(PREFIX + key);
        return value.getValue() == null ? 0 : value.getConfigSourceOrdinal();
    }

    /**
     * @throws CredentialsException when a profile was asked for by name (flag, environment, link file) but the
     *                              config file has no such profile
     */
    public void requireKnownProfile() throws CredentialsException {
        if (origin("profile").isEmpty()) {
            return;
        }
        List<String> known = configFile.profileNames();
        // "default" named outright is fine while there are no profiles at all (a token from the environment); once
        // there are, it must be one of them, or calls would silently go out with none of their settings.
        boolean fresh = known.isEmpty() && profile.equals(ConfigFile.DEFAULT_PROFILE);
        if (!known.contains(profile) && !fresh) {
            throw new UnknownProfileException(
                    profile,
                    "unknown profile '" + profile + "' (from "
                            + origin("profile").get() + "); "
                            + (known.isEmpty()
                                    ? configFile.path() + " has no profiles"
                                    : "profiles in " + configFile.path() + ": " + String.join(", ", known)));
        }
    }

    /** The name of the source a setting comes from, for {@code auth status}. */
    public Optional<String> origin(String key) {
        return Optional.ofNullable(config.getConfigValue(PREFIX + key).getConfigSourceName());
    }

    public String profile() {
        return profile;
    }

    public ConfigFile configFile() {
        return configFile;
    }

    public Optional<LinkFile> link() {
        return Optional.ofNullable(link);
    }
}
