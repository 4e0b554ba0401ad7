package com.authlete.toolkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A stream of items written as text blocks separated by a blank line (pretty, TOON). */
public final class BlockStream implements ItemStream {

    /** Writes one item as a block that ends with a line break. */
    @FunctionalInterface
    public interface BlockWriter {
        void write(JsonNode item, Writer out) throws IOException;
    }

    private final Writer writer;
    private final BlockWriter blocks;
    private boolean first = true;

    public BlockStream(OutputStream out, BlockWriter blocks) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.blocks = blocks;
    }

    @Override
    public void item(JsonNode item) throws IOException {
        if (!first) {
            writer.write('\n');
        }
        first = false;
        blocks.write(item, writer);
    }

    @Override
    public void close() throws IOException {
        writer.flush();
    }
}
