package com.authlete.toolkit.render.pretty;

import com.authlete.toolkit.render.BlockStream;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.Renderer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * For people: objects as key/value pairs with the values of one object aligned, nesting by indentation, array
 * items as {@code -} entries, strings without quotes (unless empty or multi-line), optional colours.
 */
public final class PrettyRenderer implements Renderer {

    private static final String INDENT = "  ";
    private final Palette palette;

    public PrettyRenderer(boolean color) {
        this.palette = Palette.of(color);
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(value, writer);
        writer.flush();
    }

    @Override
    public ItemStream stream(OutputStream out) {
        return new BlockStream(out, this::write);
    }

    private void write(JsonNode value, Writer out) throws IOException {
        if (value.isContainerNode() && !value.isEmpty()) {
            node(value, "", "", out);
        } else {
            out.write(scalar(value));
            out.write('\n');
        }
    }

    /** Writes a non-empty container; {@code firstLead} starts its first line, {@code lead} the others. */
    private void node(JsonNode value, String firstLead, String lead, Writer out) throws IOException {
        if (value.isObject()) {
            int width = 0;
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                width = Math.max(width, names.next().length());
            }
            String current = firstLead;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode child = field.getValue();
                out.write(current);
                out.write(palette.paint(palette.key(), field.getKey() + ":"));
                if (child.isContainerNode() && !child.isEmpty()) {
                    out.write('\n');
                    node(child, lead + INDENT, lead + INDENT, out);
                } else {
                    out.write(" ".repeat(width - field.getKey().length() + 1));
                    out.write(scalar(child));
                    out.write('\n');
                }
                current = lead;
            }
        } else {
            String current = firstLead;
            for (JsonNode item : value) {
                if (item.isContainerNode() && !item.isEmpty()) {
                    node(item, current + "- ", lead + INDENT, out);
                } else {
                    out.write(current + "- " + scalar(item) + "\n");
                }
                current = lead;
            }
        }
    }

    private String scalar(JsonNode value) throws JsonProcessingException {
        if (value.isNull() || value.isMissingNode()) {
            return palette.paint(palette.nul(), "null");
        }
        if (value.isBoolean()) {
            return palette.paint(palette.bool(), value.asText());
        }
        if (value.isNumber()) {
            return palette.paint(
                    palette.number(), value.numberValue() instanceof BigDecimal d ? d.toString() : value.asText());
        }
        if (value.isTextual()) {
            String text = value.textValue();
            boolean plain =
                    !text.isEmpty() && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.equals(text.strip());
            return palette.paint(palette.string(), plain ? text : quoted(text));
        }
        return value.isArray() ? "[]" : "{}";
    }

    /** JSON string syntax (quotes, escapes), as the JSON output writes it. */
    private static String quoted(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
