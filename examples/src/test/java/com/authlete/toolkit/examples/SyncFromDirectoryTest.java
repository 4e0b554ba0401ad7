package com.authlete.toolkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFromDirectoryTest {

    @Test
    void printsTheDifferencesAndAppliesThemWhenAsked(@TempDir Path dir) throws Exception {
        try (FakeAuthlete fake = new FakeAuthlete("715948317", "example-token")) {
            fake.addClient((ObjectNode)
                    JsonTrees.NODES.objectNode().put("clientName", "Web app").put("clientType", "CONFIDENTIAL"));
            Files.createDirectories(dir.resolve("clients"));
            Files.writeString(
                    dir.resolve("clients/web.yaml"), "clientName: Web app\nclientType: PUBLIC\ntosUri: ${env:TOS}\n");
            Map<String, String> environment = Map.of("TOS", "https://example.com/tos");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            boolean matched = SyncFromDirectory.run(
                    URI.create(fake.url()),
                    "example-token",
                    dir,
                    "715948317",
                    false,
                    environment,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(matched).isFalse();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    // A value from the environment is shown masked, as any secret is.
                    .contains("~ clientType: CONFIDENTIAL -> PUBLIC", "+ tosUri: [REDACTED]")
                    .doesNotContain("https://example.com/tos");
            assertThat(fake.writes()).isEmpty();

            assertThat(SyncFromDirectory.run(
                            URI.create(fake.url()),
                            "example-token",
                            dir,
                            "715948317",
                            true,
                            environment,
                            new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isTrue();
            assertThat(fake.clients().get(0).path("tosUri").asText()).isEqualTo("https://example.com/tos");
            assertThat(SyncFromDirectory.run(
                            URI.create(fake.url()),
                            "example-token",
                            dir,
                            "715948317",
                            false,
                            environment,
                            new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isTrue();
        }
    }
}
