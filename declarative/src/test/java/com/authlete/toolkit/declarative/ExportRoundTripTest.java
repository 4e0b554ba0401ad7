package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever text a field holds, an export reads back as the same value: YAML's look-alikes are quoted. */
class ExportRoundTripTest {

    static final List<String> AWKWARD = List.of(
            "on",
            "off",
            "yes",
            "no",
            "y",
            "n",
            "true",
            "False",
            "null",
            "~",
            "123",
            "-7",
            "1e3",
            "0x1F",
            "0o17",
            "1_000",
            ".5",
            ".inf",
            "2024-01-01",
            "12:30:00",
            "#not a comment",
            "a: b",
            "- x",
            "[x]",
            "{x}",
            "*alias",
            "&anchor",
            "!tag",
            "|",
            ">",
            "%directive",
            "@at",
            "`tick`",
            "'single'",
            "\"double\"",
            " leading space",
            "trailing space ",
            "two\nlines",
            "tab\there",
            "unicode ✓ 日本",
            "back\\slash",
            "${env:NOT_A_REFERENCE}",
            "$${already}",
            "=");

    @TempDir
    Path dir;

    @Test
    void awkwardStringsSurviveExportAndReadBack() throws Exception {
        try (FakeAuthlete fake = new FakeAuthlete(DeclarativeWorkflowTest.SERVICE_ID, DeclarativeWorkflowTest.TOKEN);
                AuthleteClient authlete = DeclarativeWorkflowTest.connect(fake.url())) {
            ObjectNode client = JsonTrees.NODES
                    .objectNode()
                    .put("clientName", "Awkward")
                    .put("description", "multi\nline\n  indented\n");
            ArrayNode attributes = client.putArray("attributes");
            for (int i = 0; i < AWKWARD.size(); i++) {
                attributes.addObject().put("key", "k" + i).put("value", AWKWARD.get(i));
            }
            client.putArray("contacts").add("on").add("123").add("null");
            client.put("defaultMaxAge", 3600).put("pkceRequired", true);
            fake.addClient(client);

            Export.write(dir, Export.of(LiveState.fetch(authlete, DeclarativeWorkflowTest.SERVICE_ID)));
            DesiredState read = DesiredState.read(dir, Map.of());
            Diff diff = Diff.between(read, LiveState.fetch(authlete, DeclarativeWorkflowTest.SERVICE_ID), false);

            assertThat(diff.resources()).as("%s", diff.resources()).isEmpty();
            ObjectNode body = read.clients().get(0).body();
            assertThat(body.path("attributes")).hasSize(AWKWARD.size());
            for (int i = 0; i < AWKWARD.size(); i++) {
                String key = "k" + i;
                String expected = AWKWARD.get(i);
                assertThat(body.path("attributes")).anySatisfy(attribute -> {
                    assertThat(attribute.path("key").asText()).isEqualTo(key);
                    assertThat(attribute.path("value").asText()).isEqualTo(expected);
                });
            }
        }
    }
}
