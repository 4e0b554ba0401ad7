package com.authlete.toolkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.FieldSelector;
import com.authlete.toolkit.render.JqFilter;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output pipeline on its own, as any front end uses it: no CLI, no Authlete; the secret rule here is a toy one
 * (a field named {@code pin}).
 */
class ResponseOutputTest {

    private static final SecretPolicy PINS = new SecretPolicy() {
        @Override
        public JsonNode masked(JsonNode value, Set<String> shown) {
            JsonNode copy = value.deepCopy();
            copy.findParents("pin").forEach(parent -> {
                if (!shown.contains("pin")) {
                    ((ObjectNode) parent).put("pin", "***");
                }
            });
            return copy;
        }

        @Override
        public boolean holdsSecrets(JsonNode value) {
            return !value.findValues("pin").isEmpty();
        }
    };

    private static final String LIST =
            "{\"total\":2,\"users\":[{\"id\":1,\"name\":\"ann\",\"pin\":\"1234\"},{\"id\":2,\"name\":\"bob\",\"pin\":\"9876\"}]}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path directory;

    private ResponseOutput output(OutputFormat format, FieldSelector fields, JqFilter jq, Path file) {
        return new ResponseOutput(
                new OutputPlan(format, RenderOptions.PLAIN, fields, jq, file, false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                false,
                PINS);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTableShowsTheListsRowsWithSecretsMaskedForPeople() throws Exception {
        output(OutputFormat.TABLE, FieldSelector.parse("name,pin,mail"), null, null)
                .document(body(LIST), "users", "application/json", 200);
        // Asked for by name, the pin is shown; the missing field is warned about.
        assertThat(printed())
                .contains("ann")
                .contains("1234")
                .doesNotContain("total")
                .doesNotContain("id");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no field mail");

        out.reset();
        output(OutputFormat.PRETTY, null, null, null).document(body(LIST), "users", "application/json", 200);
        assertThat(printed()).contains("***").doesNotContain("1234");
    }

    @Test
    void passthroughKeepsBytesAndJqSelects() throws Exception {
        String exact = "{\"amount\":1.10,\"big\":123456789012345678901234567890}";
        output(null, null, null, null).document(body(exact), null, "application/json", 200);
        assertThat(printed()).isEqualTo(exact + "\n");

        out.reset();
        output(OutputFormat.JSON, null, JqFilter.compile(".users[].name"), null)
                .document(body(LIST), "users", "application/json", 200);
        assertThat(printed()).isEqualTo("\"ann\"\n\"bob\"\n");

        assertThatThrownBy(() ->
                        output(OutputFormat.JSON, null, null, null).document(body("<html>"), null, "text/html", 200))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("is not JSON");
    }

    @Test
    void aFileHoldingSecretsIsPrivate() throws Exception {
        Path file = directory.resolve("users.json");
        output(OutputFormat.JSON, null, null, file).document(body(LIST), "users", "application/json", 200);
        assertThat(Files.readString(file)).contains("1234"); // JSON for machines: kept as received
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(printed()).isEmpty();
    }

    @Test
    void itemsStreamPageByPage() throws Exception {
        try (ResponseOutput.Items items = output(OutputFormat.JSON, FieldSelector.parse("name"), null, null)
                .items(null)) {
            for (String item : List.of("{\"name\":\"ann\",\"pin\":\"1\"}", "{\"name\":\"bob\"}")) {
                try (JsonParser parser = JsonTrees.JSON.createParser(item)) {
                    parser.nextToken();
                    items.item(parser);
                }
            }
            items.endOfPage(2, 2);
            items.finish();
        }
        assertThat(printed()).isEqualTo("{\"name\":\"ann\"}\n{\"name\":\"bob\"}\n");
    }

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
