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
        // Built in memory (the value already is), then written in one go: many small appends to a Writer each take
        // its lock and run its encoder, which cost more than the encoding itself.
        StringBuilder text = new StringBuilder(1 << 16);
        encoder.encode(value, text);
        text.append('\n');
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.append(text);
        writer.flush();
    }

    public ItemStream stream(OutputStream out) {
        return new BlockStream(out, (item, writer) -> {
            StringBuilder text = new StringBuilder(256);
            encoder.encode(item, text);
            writer.append(text.append('\n'));
        });
    }
}
