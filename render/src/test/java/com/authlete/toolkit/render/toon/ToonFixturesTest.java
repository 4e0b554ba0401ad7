package com.authlete.toolkit.render.toon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.authlete.toolkit.render.ToonOptions;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The encoder against every encode fixture of the published TOON spec (npm {@code @toon-format/spec} 3.3.2),
 * found through the setting {@value #SETTING}: the {@code tests/fixtures} folder of that package.
 */
class ToonFixturesTest {

    static final String SETTING = "AUTHLETE_TOON_FIXTURES";
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    static Path fixtures() {
        String value = System.getenv(SETTING);
        assumeTrue(
                value != null && !value.isBlank(),
                "skipped: set " + SETTING + " to the tests/fixtures folder of npm @toon-format/spec 3.3.2");
        Path path = Path.of(value);
        assumeTrue(Files.isDirectory(path.resolve("encode")), "skipped: " + SETTING + " has no encode folder: " + path);
        return path;
    }

    @Test
    void theEncodeSuiteIsComplete() throws IOException {
        int count = 0;
        for (Path file : files(fixtures().resolve("encode"))) {
            count += JSON.readTree(file.toFile()).path("tests").size();
        }
        assertThat(count).as("encode fixtures in spec 3.3.2").isEqualTo(153);
    }

    @TestFactory
    Stream<DynamicTest> everyEncodeFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files(fixtures().resolve("encode"))) {
            for (JsonNode fixture : JSON.readTree(file.toFile()).path("tests")) {
                String name = file.getFileName() + ": " + fixture.path("name").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    String encoded = new ToonEncoder(options(fixture.path("options"))).encode(fixture.get("input"));
                    assertThat(encoded)
                            .as(name)
                            .isEqualTo(fixture.path("expected").asText());
                }));
            }
        }
        return tests.stream();
    }

    static ToonOptions options(JsonNode options) {
        ToonOptions result = ToonOptions.DEFAULTS;
        if (options.has("indent")) {
            result = result.withIndent(options.get("indent").asInt());
        }
        if (options.has("delimiter")) {
            result = result.withDelimiter(options.get("delimiter").asText().charAt(0));
        }
        if (options.has("keyFolding")) {
            result = result.withKeyFolding(
                    "safe".equals(options.get("keyFolding").asText()));
        }
        if (options.has("flattenDepth") && options.get("flattenDepth").isNumber()) {
            result = result.withFlattenDepth(options.get("flattenDepth").asInt());
        }
        return result;
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
