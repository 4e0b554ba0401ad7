package com.authlete.toolkit.render.yaml;

import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.Renderer;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** YAML through Jackson: a document without a start marker; a stream as documents separated by {@code ---}. */
public final class YamlRenderer implements Renderer {

    // Built on first use: loading SnakeYAML costs start-up time that other formats should not pay.
    private static final class Holder {
        static final ObjectMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build());
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        Holder.MAPPER.writeValue(out, value);
        out.flush();
    }

    @Override
    public ItemStream stream(OutputStream out) {
        return new ItemStream() {
            private boolean first = true;

            @Override
            public void item(JsonNode item) throws IOException {
                if (!first) {
                    out.write("---\n".getBytes(StandardCharsets.UTF_8));
                }
                first = false;
                Holder.MAPPER.writeValue(out, item);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
