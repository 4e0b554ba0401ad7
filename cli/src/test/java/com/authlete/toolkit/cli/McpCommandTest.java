package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code authlete mcp} as a command: options and settings that cannot work are refused before the protocol starts,
 * with one line and exit 2; an input that ends at once ends the server quietly. The protocol itself is McpServerIT's.
 */
class McpCommandTest {

    @Test
    void badOptionsAndSettingsAreUsageErrorsBeforeAnythingIsServed() {
        CliHarness.Result groups = new CliHarness().pipe("").run("mcp", "--tools", "client,clients");
        assertThat(groups.exitCode()).isEqualTo(2);
        assertThat(groups.err())
                .startsWith(
                        "error: --tools: no group 'clients'; the groups are all, discovery, authorization, ciba, client,")
                .hasLineCount(1);
        assertThat(groups.out()).isEmpty();

        // One list of formats, whatever the wrong one is.
        assertThat(new CliHarness().pipe("").run("mcp", "--format", "yaml").err())
                .isEqualTo("error: --format expects auto, toon or json, got 'yaml'\n");
        assertThat(new CliHarness().pipe("").run("mcp", "--format", "xml").err())
                .isEqualTo("error: --format expects auto, toon or json, got 'xml'\n");
        assertThat(new CliHarness().pipe("").run("mcp", "--page-limit", "0").err())
                .contains("--page-limit expects 1 to 500");
        assertThat(new CliHarness().pipe("").run("mcp", "--server", "mars").err())
                .contains("--server expects 0 or us");
        CliHarness.Result timeout = new CliHarness().pipe("").run("mcp", "--timeout", "soon");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout").doesNotContain("Exception");
        CliHarness.Result profile =
                new CliHarness().env("AUTHLETE_PROFILE", "nowhere").pipe("").run("mcp");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.err()).contains("unknown profile 'nowhere'");
    }

    /** The snippet's --profile default, with a config file whose profiles have other names: refused, not ignored. */
    @Test
    void aProfileNamedOutrightMustExistOnceThereAreProfiles() throws Exception {
        Path config = TempDirs.create("mcp-config");
        Files.createDirectories(config.resolve("authlete"));
        Files.writeString(
                config.resolve("authlete/config.yaml"),
                "default-profile: prod\nprofiles:\n  prod:\n    server: jp\n    service-id: \"715948317\"\n");
        CliHarness cli = new CliHarness().env("XDG_CONFIG_HOME", config.toString());
        CliHarness.Result named = cli.pipe("").run("mcp", "--profile", "default");
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).contains("unknown profile 'default'", "prod");
        CliHarness.Result empty = cli.pipe("").run("mcp", "--profile", "");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("an empty profile name");
        assertThat(cli.pipe("").run("mcp").exitCode())
                .as("the default profile, prod")
                .isZero();
        assertThat(new CliHarness()
                        .pipe("")
                        .run("mcp", "--profile", "default", "--server-url", "http://127.0.0.1:9")
                        .exitCode())
                .as("no profiles at all: 'default' is fine")
                .isZero();
    }

    @Test
    void anInputThatEndsAtOnceEndsTheServerQuietly() {
        CliHarness.Result result = new CliHarness().pipe("").run("mcp", "--server-url", "http://127.0.0.1:9");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
    }
}
