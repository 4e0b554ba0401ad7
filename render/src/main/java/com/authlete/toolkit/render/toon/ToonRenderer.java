package com.authlete.toolkit.render.toon;

import com.authlete.toolkit.render.BlockStream;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.Renderer;
import com.authlete.toolkit.render.ToonOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** TOON documents (with a final line break for terminals and files), and streams of blocks separated by a blank line. */
public final class ToonRenderer implements Renderer {

    private final ToonEncoder encoder;

    public ToonRenderer(ToonOptions options) {
        this.encoder = new ToonEncoder(options);
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        try {
            encoder.encode(value, new Utf8Blocks(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write('\n');
        out.flush();
    }

    /**
     * Receives the encoding in blocks of about 64 KB and writes each as UTF-8 in one call: {@code String.getBytes}
     * converts mostly-ASCII text with a plain copy, where a {@code Writer}'s encoder works character by character.
     */
    private static final class Utf8Blocks implements Appendable {
        private final OutputStream out;

        Utf8Blocks(OutputStream out) {
            this.out = out;
        }

        @Override
        public Appendable append(CharSequence text) throws IOException {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) throws IOException {
            return append(text.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) throws IOException {
            return append(String.valueOf(c));
        }
    }

    @Override
    public ItemStream stream(OutputStream out) {
        return new BlockStream(out, (item, writer) -> {
            StringBuilder text = new StringBuilder(256);
            encoder.encode(item, text);
            writer.append(text.append('\n'));
        });
    }
}
