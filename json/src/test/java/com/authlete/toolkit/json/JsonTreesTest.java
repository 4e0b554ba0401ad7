package com.authlete.toolkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreesTest {

    /** What the trees replace: data binding configured for exact numbers. */
    private static final ObjectMapper BINDING = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonTrees.NODES)
            .build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\\n\\u00e9\\\"\"}}",
                "[1.10, 1e3, -0.0, 123456789012345678901234567890, 2147483648, -7, 0]",
                "\"just a string\"",
                "42",
                "{\"dup\":1,\"dup\":2,\"empty\":{},\"list\":[]}",
                "[[[[{\"deep\":[1,[2,[3]]]}]]]]",
            })
    void readsAndWritesWhatDataBindingReadsAndWrites(String json) throws Exception {
        JsonNode expected = BINDING.readTree(json);
        JsonNode tree = JsonTrees.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(tree).isEqualTo(expected);
        assertThat(new String(JsonTrees.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo(BINDING.writeValueAsString(expected));
        assertThat(JsonTrees.text(tree)).isEqualTo(expected.toString());
    }

    @Test
    void numbersKeepTheirExactText() throws Exception {
        JsonNode tree = JsonTrees.parseWhole("{\"ratio\":1.10,\"big\":123456789012345678901234567890}");
        assertThat(new String(JsonTrees.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo("{\"ratio\":1.10,\"big\":123456789012345678901234567890}");
    }

    @Test
    void readStartsAtTheCurrentTokenAndStopsAtTheEndOfTheValue() throws Exception {
        try (JsonParser parser = JsonTrees.JSON.createParser("[{\"a\":1},{\"b\":2}]")) {
            parser.nextToken();
            parser.nextToken();
            assertThat(JsonTrees.read(parser).get("a").intValue()).isEqualTo(1);
            parser.nextToken();
            assertThat(JsonTrees.read(parser).get("b").intValue()).isEqualTo(2);
        }
    }

    @Test
    void emptyInputIsMissingForParseAndAnErrorForParseWhole() throws Exception {
        assertThat(JsonTrees.parse(new byte[0]).isMissingNode()).isTrue();
        assertThatThrownBy(() -> JsonTrees.parseWhole("  ")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void parseWholeRefusesTextAfterTheValueAndSaysWhere() {
        assertThatThrownBy(() -> JsonTrees.parseWhole("{} x"))
                .isInstanceOf(JsonParseException.class)
                .satisfies(
                        e -> assertThat(((JsonParseException) e).getLocation().getColumnNr())
                                .isGreaterThan(1));
        assertThatThrownBy(() -> JsonTrees.parseWhole("{\"a\":1}{\"b\":2}"))
                .hasMessageContaining("Trailing token")
                .satisfies(
                        e -> assertThat(((JsonParseException) e).getLocation().getColumnNr())
                                .isEqualTo(8));
        assertThatThrownBy(() -> JsonTrees.parseWhole("{\"a\":")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void readsYamlThroughTheSameReader() throws Exception {
        try (JsonParser parser =
                new YAMLFactory().createParser("profiles:\n  dev:\n    server: \"1\"\n    port: 8080\n")) {
            JsonNode tree = JsonTrees.read(parser);
            assertThat(tree.path("profiles").path("dev").path("server").asText())
                    .isEqualTo("1");
            assertThat(tree.path("profiles").path("dev").path("port").intValue())
                    .isEqualTo(8080);
        }
    }
}
