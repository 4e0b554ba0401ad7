package com.authlete.toolkit.render.toon;

import com.authlete.toolkit.render.BlockStream;
import com.authlete.toolkit.render.DocumentRenderer;
import com.authlete.toolkit.render.ItemStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** TOON documents (with a final line break for terminals and files), and streams of blocks separated by a blank line. */
public final class ToonRenderer implements DocumentRenderer {

    private final ToonEncoder encoder;

    public ToonRenderer(ToonOptions options) {
        this.encoder = new ToonEncoder(options);
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Blocks blocks = new Blocks(writer);
        try {
            encoder.encode(value, blocks);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        blocks.append('\n').drain();
        writer.flush();
    }

    /**
     * Collects the encoding in blocks of about 64 KB and writes whole blocks: many small appends to a Writer each
     * take its lock and run its encoder (costlier than the encoding), while one document-sized buffer grows by
     * copying and holds the whole output in memory.
     */
    private static final class Blocks implements Appendable {
        private static final int SIZE = 1 << 16;
        private final StringBuilder block = new StringBuilder(SIZE + 1024);
        private final char[] chars = new char[SIZE + 1024];
        private final Writer writer;

        Blocks(Writer writer) {
            this.writer = writer;
        }

        @Override
        public Blocks append(CharSequence text) throws IOException {
            block.append(text);
            return full();
        }

        @Override
        public Blocks append(CharSequence text, int start, int end) throws IOException {
            block.append(text, start, end);
            return full();
        }

        @Override
        public Blocks append(char c) throws IOException {
            block.append(c);
            return full();
        }

        private Blocks full() throws IOException {
            if (block.length() >= SIZE) {
                drain();
            }
            return this;
        }

        void drain() throws IOException {
            int length = block.length();
            char[] target = length <= chars.length ? chars : new char[length];
            block.getChars(0, length, target, 0);
            writer.write(target, 0, length);
            block.setLength(0);
        }
    }

    public ItemStream stream(OutputStream out) {
        return new BlockStream(out, (item, writer) -> {
            StringBuilder text = new StringBuilder(256);
            encoder.encode(item, text);
            writer.append(text.append('\n'));
        });
    }
}
