package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
                .startsWith("error: --tools: no group 'clients'; the groups are authorization, ciba, client,")
                .hasLineCount(1);
        assertThat(groups.out()).isEmpty();

        assertThat(new CliHarness().pipe("").run("mcp", "--format", "yaml").err())
                .isEqualTo("error: --format expects toon or json, got 'yaml'\n");
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

    @Test
    void anInputThatEndsAtOnceEndsTheServerQuietly() {
        CliHarness.Result result = new CliHarness().pipe("").run("mcp", "--server-url", "http://127.0.0.1:9");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
    }
}
