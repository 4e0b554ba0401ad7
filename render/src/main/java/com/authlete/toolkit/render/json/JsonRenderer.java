package com.authlete.toolkit.render.json;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.Renderer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/** JSON: a document as compact JSON on one line; a stream as NDJSON, one compact value per line. */
public final class JsonRenderer implements Renderer {

    /**
     * Streaming only: text copied token by token needs neither trees nor data binding, whose first use costs more
     * start-up time than a small response takes to render.
     */
    private static final JsonFactory FACTORY = JsonTrees.JSON;

    private final boolean indent;

    /** One line of JSON per document. */
    public JsonRenderer() {
        this(false);
    }

    /** @param indent two-space indented, one field per line, for a person at a terminal */
    public JsonRenderer(boolean indent) {
        this.indent = indent;
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        if (!indent) {
            try (ItemStream stream = stream(out)) {
                stream.item(value);
            }
            return;
        }
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(new JqLayout());
            JsonTrees.mapper().writeTree(generator, value);
            generator.writeRaw('\n');
        }
    }

    /** One generator for the whole stream, flushed per page rather than per item. */
    @Override
    public ItemStream stream(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.setRootValueSeparator(null); // each value ends with its own line break instead
        return new ItemStream() {
            @Override
            public void item(JsonNode item) throws IOException {
                JsonTrees.mapper().writeTree(generator, item);
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
