package com.authlete.toolkit.render.json;

import com.authlete.toolkit.render.DocumentRenderer;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.JsonValues;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/** JSON: a document as compact JSON on one line; a stream as NDJSON, one compact value per line. */
public final class JsonRenderer implements DocumentRenderer {

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        try (ItemStream stream = stream(out)) {
            stream.item(value);
        }
    }

    /** One generator for the whole stream, flushed per page rather than per item. */
    public static ItemStream stream(OutputStream out) throws IOException {
        JsonGenerator generator = JsonValues.MAPPER.getFactory().createGenerator(out);
        generator.setRootValueSeparator(null); // each value ends with its own line break instead
        return new ItemStream() {
            @Override
            public void item(JsonNode item) throws IOException {
                JsonValues.MAPPER.writeTree(generator, item);
                generator.writeRaw('\n');
            }

            @Override
            public boolean copies() {
                return true;
            }

            @Override
            public void copy(JsonParser parser) throws IOException {
                generator.copyCurrentStructureExact(parser);
                generator.writeRaw('\n');
            }

            @Override
            public void endOfPage() throws IOException {
                generator.flush();
            }

            @Override
            public void close() throws IOException {
                generator.flush();
            }
        };
    }
}
