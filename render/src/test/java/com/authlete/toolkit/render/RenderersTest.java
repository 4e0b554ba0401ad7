package com.authlete.toolkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.formats.Renderers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenderersTest {

    static final String LIST = "{\"start\":0,\"end\":2,\"totalCount\":2,\"clients\":["
            + "{\"clientId\":123456789012345678901234567890,\"clientName\":\"Alpha\",\"ratio\":1.10,\"redirectUris\":[\"https://a/cb\"]},"
            + "{\"clientId\":2,\"clientName\":\"Beta, with comma\",\"ratio\":0.5,\"redirectUris\":[]}]}";

    static JsonNode json(String text) throws Exception {
        return JsonTrees.mapper().readTree(text);
    }

    static String document(OutputFormat format, RenderOptions options, String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.of(format, options).render(json(json), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String stream(OutputFormat format, RenderOptions options, String... items) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ItemStream stream = Renderers.of(format, options).stream(out)) {
            for (String item : items) {
                stream.item(json(item));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonKeepsOrderAndExactNumbersAndStreamsNdjson() throws Exception {
        assertThat(document(
                        OutputFormat.JSON, RenderOptions.PLAIN, "{\"z\":123456789012345678901234567890,\"a\":1.10}"))
                .isEqualTo("{\"z\":123456789012345678901234567890,\"a\":1.10}\n");
        assertThat(stream(OutputFormat.JSON, RenderOptions.PLAIN, "{\"a\": 1}", "{\"b\": [1, 2]}"))
                .isEqualTo("{\"a\":1}\n{\"b\":[1,2]}\n");
    }

    /** For a person (a terminal), JSON is laid out as jq lays it out. */
    @Test
    void indentedJsonLooksLikeJqs() throws Exception {
        assertThat(
                        document(
                                OutputFormat.JSON,
                                new RenderOptions(false, 0, true),
                                "{\"clientId\":1,\"grantTypes\":[\"A\",\"B\"],\"empty\":[],\"none\":{},\"ext\":{\"x\":[{\"y\":2}]}}"))
                .isEqualTo(
                        "{\n  \"clientId\": 1,\n  \"grantTypes\": [\n    \"A\",\n    \"B\"\n  ],\n  \"empty\": [],\n"
                                + "  \"none\": {},\n  \"ext\": {\n    \"x\": [\n      {\n        \"y\": 2\n      }\n    ]\n  }\n}\n");
    }

    @Test
    void yamlRoundTripsAndStreamsDocuments() throws Exception {
        String yaml = document(OutputFormat.YAML, RenderOptions.PLAIN, LIST);
        assertThat(yaml).startsWith("start: 0\n").contains("clientName: Alpha").contains("1.10");
        JsonNode back = new YAMLMapper().readTree(yaml);
        assertThat(back.path("clients").get(1).path("clientName").asText()).isEqualTo("Beta, with comma");
        assertThat(back.path("clients")
                        .get(0)
                        .path("clientId")
                        .bigIntegerValue()
                        .toString())
                .isEqualTo("123456789012345678901234567890");

        assertThat(stream(OutputFormat.YAML, RenderOptions.PLAIN, "{\"a\":1}", "{\"a\":\"true\"}"))
                .isEqualTo("a: 1\n---\na: \"true\"\n");
    }

    @Test
    void prettyAlignsKeysNestsAndColoursOnlyWhenAsked() throws Exception {
        String plain = document(
                OutputFormat.PRETTY,
                RenderOptions.PLAIN,
                "{\"a\":1,\"longer\":\"text\",\"nested\":{\"x\":true,\"yy\":null},\"list\":[\"p\",{\"k\":1,\"kk\":2}],\"e\":[]}");
        assertThat(plain).isEqualTo("""
                a:      1
                longer: text
                nested:
                  x:  true
                  yy: null
                list:
                  - p
                  - k:  1
                    kk: 2
                e:      []
                """);
        assertThat(plain).doesNotContain("\u001b[");

        String colored = document(
                OutputFormat.PRETTY, new RenderOptions(true, 0), "{\"a\":1,\"s\":\"x\",\"b\":false,\"n\":null}");
        assertThat(colored)
                .contains(
                        "\u001b[36ma:\u001b[0m",
                        "\u001b[33m1\u001b[0m",
                        "\u001b[32mx\u001b[0m",
                        "\u001b[35mfalse\u001b[0m",
                        "\u001b[90mnull\u001b[0m");
    }

    @Test
    void prettyStreamSeparatesItemsWithABlankLine() throws Exception {
        assertThat(stream(OutputFormat.PRETTY, RenderOptions.PLAIN, "{\"a\":1}", "{\"a\":2}"))
                .isEqualTo("a: 1\n\na: 2\n");
    }

    @Test
    void tableHasScalarColumnsAndFitsTheWidthWithAnEllipsis() throws Exception {
        String wide = document(
                OutputFormat.TABLE,
                RenderOptions.PLAIN,
                "[{\"id\":1,\"name\":\"short\",\"tags\":[1]},"
                        + "{\"id\":22,\"name\":\"a considerably longer name\"}]");
        assertThat(wide).isEqualTo("""
                id  name
                1   short
                22  a considerably longer name
                """);

        String narrow = document(
                OutputFormat.TABLE,
                new RenderOptions(false, 16),
                "[{\"id\":1,\"name\":\"a considerably longer name\"}]");
        assertThat(narrow.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(16));
        assertThat(narrow).contains("\u2026");
    }

    @Test
    void tableOfANonArrayIsKeyValueRows() throws Exception {
        assertThat(document(OutputFormat.TABLE, RenderOptions.PLAIN, "{\"serviceName\":\"S\",\"list\":[1,2]}"))
                .isEqualTo("KEY          VALUE\nserviceName  S\nlist         [1,2]\n");
    }

    @Test
    void tableStreamPrintsTheHeaderOnceWithWidthsFromTheFirstPage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ItemStream stream = Renderers.of(OutputFormat.TABLE, RenderOptions.PLAIN).stream(out)) {
            stream.item(json("{\"id\":1,\"name\":\"ab\"}"));
            stream.endOfPage();
            stream.item(json("{\"id\":2,\"name\":\"c\"}"));
            stream.endOfPage();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("id  name\n1   ab\n2   c\n");
    }

    @Test
    void toonUsesTheTabularFormForUniformLists() throws Exception {
        String toon = document(
                OutputFormat.TOON,
                RenderOptions.PLAIN,
                "{\"clients\":[{\"clientId\":1,\"clientName\":\"A\"},{\"clientId\":2,\"clientName\":\"B, C\"}]}");
        assertThat(toon).isEqualTo("clients[2]{clientId,clientName}:\n  1,A\n  2,\"B, C\"\n");
        assertThat(stream(OutputFormat.TOON, RenderOptions.PLAIN, "{\"a\":1}", "{\"a\":2}"))
                .isEqualTo("a: 1\n\na: 2\n");
    }
}
