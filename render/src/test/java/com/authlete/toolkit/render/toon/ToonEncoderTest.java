package com.authlete.toolkit.render.toon;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.ToonOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ToonEncoderTest {

    private final ToonEncoder encoder = new ToonEncoder(ToonOptions.DEFAULTS);

    @Test
    void rowsWhoseFieldsComeInAnotherOrderStillFillTheRightColumns() throws Exception {
        JsonNode list = JsonTrees.mapper()
                .readTree("{\"items\":[{\"a\":1,\"b\":\"x\"},{\"b\":\"y\",\"a\":2},{\"a\":3,\"b\":\"z\"}]}");
        assertThat(encoder.encode(list)).isEqualTo("items[3]{a,b}:\n  1,x\n  2,y\n  3,z");
    }

    @Test
    void rowsWithOtherKeysAreNoTable() throws Exception {
        JsonNode list = JsonTrees.mapper().readTree("{\"items\":[{\"a\":1,\"b\":2},{\"a\":3,\"c\":4}]}");
        assertThat(encoder.encode(list)).isEqualTo("items[2]:\n  - a: 1\n    b: 2\n  - a: 3\n    c: 4");
    }

    /** A document of several 64 KB blocks, with quoting, escapes and non-ASCII text, comes out whole and in order. */
    @Test
    void theRendererWritesTheSameTextInBlocksAsUtf8() throws Exception {
        ObjectNode root = JsonTrees.mapper().createObjectNode();
        ArrayNode rows = root.putArray("clients");
        for (int i = 0; i < 20_000; i++) {
            rows.addObject()
                    .put("clientId", 1_000_000_000L + i)
                    .put("name", "client \u00e9\u2713 " + i)
                    .put("uri", "https://app" + i + ".example.com/cb")
                    .put("note", i % 7 == 0 ? "say \"hi\"\n" : "plain")
                    .put("ratio", new BigDecimal("1.10"))
                    .put("on", i % 2 == 0);
        }
        root.putObject("nested").putObject("deeper").put("emoji", "\uD83D\uDE00");
        String text = encoder.encode(root);
        assertThat(text.length()).isGreaterThan(4 * 65_536);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ToonRenderer(ToonOptions.DEFAULTS).render(root, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text + "\n");
        assertThat(text)
                .contains(
                        "  1000000007,client \u00e9\u2713 7,\"https://app7.example.com/cb\",\"say \\\"hi\\\"\\n\",1.1,false");
    }
}
