package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people write into their config file by hand survives the CLI's rewrites. */
class ConfigFileTest {

    private static final String HAND_WRITTEN = """
            # my Authlete settings
            base: &base
              server: "1"   # jp
              service-id: "715"
            profiles:
              # production: careful
              default:
                <<: *base
                token: tok-file-123456789
              staging:
                <<: *base
                server-url: http://127.0.0.1:9
            default-profile: default
            """;

    @TempDir
    Path directory;

    @Test
    void mergeKeysAreHonouredWhenReading() throws Exception {
        ConfigFile config = new ConfigFile(Files.writeString(directory.resolve("config.yaml"), HAND_WRITTEN));
        assertThat(config.profile("staging"))
                .containsEntry("server", "1")
                .containsEntry("service-id", "715")
                .containsEntry("server-url", "http://127.0.0.1:9");
        assertThat(config.profileNames()).containsExactly("default", "staging");
        assertThat(config.defaultProfile()).contains("default");
    }

    @Test
    void rewritesKeepCommentsAnchorsAndMergeKeys() throws Exception {
        Path file = Files.writeString(directory.resolve("config.yaml"), HAND_WRITTEN);
        ConfigFile config = new ConfigFile(file);
        Map<String, String> values = new HashMap<>();
        values.put("service-id", "999");
        values.put("token", null);
        config.update("default", values, false);
        config.update("new", Map.of("server", "3"), false);

        String text = Files.readString(file);
        assertThat(text)
                .contains("# my Authlete settings", "# jp", "# production: careful", "base: &base", "<<: *base")
                .doesNotContain("tok-file-123456789");
        assertThat(config.profile("default"))
                .containsEntry("service-id", "999")
                .containsEntry("server", "1")
                .doesNotContainKey("token");
        assertThat(config.profile("staging"))
                .as("the shared anchor is untouched")
                .containsEntry("service-id", "715");
        assertThat(config.profile("new")).containsExactlyEntriesOf(Map.of("server", "3"));
        assertThat(text.indexOf("staging:")).as("order kept").isLessThan(text.indexOf("new:"));
    }

    @Test
    void commentsOnDocumentMarkersSurviveARewrite() throws Exception {
        for (String start : new String[] {"--- # my settings\n", "---\t# my settings\n", "# my settings\n---\n"}) {
            Path file = Files.writeString(
                    directory.resolve("marker.yaml"),
                    start + "profiles:\n  default:\n    server: us  # the main one\n... # end of my settings\n");
            ConfigFile config = new ConfigFile(file);
            config.update("default", Map.of("service-id", "123"), false);
            assertThat(config.profile("default"))
                    .as(start)
                    .containsEntry("service-id", "123")
                    .containsEntry("server", "us");
            assertThat(Files.readString(file)).as(start).contains("# my settings", "# the main one");
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsRewritten() throws Exception {
        Path real = Files.writeString(
                Files.createDirectories(directory.resolve("dotfiles")).resolve("authlete.yaml"), HAND_WRITTEN);
        Path link = Files.createSymbolicLink(directory.resolve("config.yaml"), real);
        new ConfigFile(link).update("staging", Map.of("service-id", "42"), false);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(new ConfigFile(real).profile("staging")).containsEntry("service-id", "42");
        try (var names = Files.list(directory.resolve("dotfiles"))) {
            assertThat(names).as("no temporary file left").containsExactly(real);
        }
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndNeverOverwritten() throws Exception {
        Path file = Files.writeString(directory.resolve("config.yaml"), "profiles:\n  default:\n    server: [1\n");
        ConfigFile config = new ConfigFile(file);
        assertThatThrownBy(() -> config.update("default", Map.of("server", "2"), false))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(file + " is not valid YAML (line");
        assertThat(Files.readString(file)).isEqualTo("profiles:\n  default:\n    server: [1\n");
    }

    @Test
    void valuesThatLookLikeOtherTypesReadBackAsText() throws Exception {
        Path file = directory.resolve("config.yaml");
        ConfigFile config = new ConfigFile(file);
        config.update("p", Map.of("server", "1", "flag", "true", "id", "007", "url", "http://h:1/#x"), true);
        assertThat(new ConfigFile(file).profile("p"))
                .containsEntry("server", "1")
                .containsEntry("flag", "true")
                .containsEntry("id", "007")
                .containsEntry("url", "http://h:1/#x");
        assertThat(config.defaultProfile()).contains("p");
    }
}
