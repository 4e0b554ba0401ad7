package com.authlete.toolkit.render.json;

import com.authlete.toolkit.render.DocumentRenderer;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/** JSON: a document as compact JSON on one line; a stream as NDJSON, one compact value per line. */
public final class JsonRenderer implements DocumentRenderer {

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        JsonValues.MAPPER.writeValue(out, value);
        out.write('\n');
        out.flush();
    }

    public static ItemStream stream(OutputStream out) {
        return new ItemStream() {
            @Override
            public void item(JsonNode item) throws IOException {
                JsonValues.MAPPER.writeValue(out, item);
                out.write('\n');
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
