package com.authlete.toolkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PassthroughTest {

    private static String render(String json, boolean terminal) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Passthrough(terminal).copy(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsBytesFieldOrderAndNumberPrecision() throws Exception {
        String json = "{\"z\":1,\"a\":123456789012345678901234567890,\"f\":1.10,\"s\":\"é\"}";
        assertThat(render(json, false)).isEqualTo(json + "\n");
    }

    @Test
    void addsALineBreakOnlyWhenMissingWhereverItGoes() throws Exception {
        for (boolean terminal : new boolean[] {true, false}) {
            assertThat(render("{}", terminal)).isEqualTo("{}\n");
            assertThat(render("{}\n", terminal)).isEqualTo("{}\n");
            assertThat(render("", terminal)).isEmpty();
        }
    }
}
