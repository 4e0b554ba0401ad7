package com.authlete.toolkit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.json.JsonTrees;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void fieldsKeepTheNamedKeysInTheGivenOrderForObjectsAndArrays() throws Exception {
        FieldSelector selector = FieldSelector.parse("clientName, clientId,missing");
        assertThat(selector.apply(JsonTrees.mapper().readTree("{\"clientId\":1,\"x\":2,\"clientName\":\"n\"}"))
                        .toString())
                .isEqualTo("{\"clientName\":\"n\",\"clientId\":1}");
        assertThat(selector.apply(JsonTrees.mapper().readTree("[{\"clientId\":1,\"x\":2},{\"clientName\":\"m\"}]"))
                        .toString())
                .isEqualTo("[{\"clientId\":1},{\"clientName\":\"m\"}]");
        assertThatThrownBy(() -> FieldSelector.parse(" , ")).hasMessageContaining("at least one");
    }

    @Test
    void jqRunsRealJqProgramsAndReportsSyntaxErrors() throws Exception {
        JqFilter filter = JqFilter.compile("[.clients[] | select(.n > 1) | .name] | map(ascii_upcase)");
        assertThat(filter.apply(JsonTrees.mapper()
                        .readTree("{\"clients\":[{\"n\":1,\"name\":\"a\"},{\"n\":2,\"name\":\"b\"}]}")))
                .extracting(Object::toString)
                .containsExactly("[\"B\"]");
        assertThat(JqFilter.compile(".a[]").apply(JsonTrees.mapper().readTree("{\"a\":[1,\"x\"]}")))
                .extracting(Object::toString)
                .containsExactly("1", "\"x\"");
        assertThatThrownBy(() -> JqFilter.compile(".a | ]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid jq program");
    }

    @Test
    void colourFollowsFlagThenNoColorThenForceColorThenTheTerminal() {
        assertThat(ColorChoice.ALWAYS.enabled(false, Map.of("NO_COLOR", "1"))).isTrue();
        assertThat(ColorChoice.NEVER.enabled(true, Map.of("FORCE_COLOR", "1"))).isFalse();
        assertThat(ColorChoice.AUTO.enabled(true, Map.of())).isTrue();
        assertThat(ColorChoice.AUTO.enabled(false, Map.of())).isFalse();
        assertThat(ColorChoice.AUTO.enabled(true, Map.of("NO_COLOR", "x"))).isFalse();
        assertThat(ColorChoice.AUTO.enabled(true, Map.of("NO_COLOR", ""))).isTrue();
        assertThat(ColorChoice.AUTO.enabled(false, Map.of("FORCE_COLOR", "1"))).isTrue();
        assertThat(ColorChoice.AUTO.enabled(false, Map.of("FORCE_COLOR", "0"))).isFalse();
        assertThat(ColorChoice.AUTO.enabled(true, Map.of("NO_COLOR", "1", "FORCE_COLOR", "1")))
                .isFalse();
        assertThatThrownBy(() -> ColorChoice.parse("sometimes")).hasMessageContaining("auto, always or never");
        assertThat(OutputFormat.parse("TOON")).isEqualTo(OutputFormat.TOON);
        assertThatThrownBy(() -> OutputFormat.parse("xml"))
                .hasMessage("unknown output format 'xml'; use one of: pretty, json, yaml, table, toon");
    }
}
