package com.authlete.toolkit.render;

import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Text from a server made harmless for a terminal: control characters (C0 but tab and line feed, DEL, and the C1
 * range) are shown as {@code \u001b}-style escapes instead of being sent to the terminal, where an escape
 * sequence could move the cursor, rewrite earlier lines, retitle the window or hide text.
 */
public final class TerminalSafe {

    private static final JsonNodeFactory NODES = JsonTrees.NODES;

    private TerminalSafe() {}

    static boolean isUnsafe(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    /** The text with control characters escaped; the same instance when there are none. */
    public static String text(String text) {
        int i = 0;
        while (i < text.length() && !isUnsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A single line for messages: line breaks and tabs become spaces, other control characters escapes. */
    public static String line(String text) {
        return text(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").replace('\t', ' '))
                .strip();
    }

    /** The tree with control characters escaped in every text and field name; the same instance when there are none. */
    public static JsonNode tree(JsonNode value) {
        return needsEscaping(value) ? copy(value) : value;
    }

    private static boolean needsEscaping(JsonNode value) {
        if (value.isTextual()) {
            return !text(value.asText()).equals(value.asText());
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!text(field.getKey()).equals(field.getKey()) || needsEscaping(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (needsEscaping(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode copy(JsonNode value) {
        if (value.isTextual()) {
            return NODES.textNode(text(value.asText()));
        }
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            value.fields().forEachRemaining(field -> out.set(text(field.getKey()), copy(field.getValue())));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode(value.size());
            value.forEach(item -> out.add(copy(item)));
            return out;
        }
        return value;
    }

    /** Bytes of UTF-8 text with control characters escaped as they pass (C1 characters are two bytes, C2 80-9F). */
    public static OutputStream stream(OutputStream out) {
        return new FilterOutputStream(out) {
            private boolean afterC2;

            @Override
            public void write(int b) throws IOException {
                int c = b & 0xff;
                if (afterC2) {
                    afterC2 = false;
                    if (c >= 0x80 && c <= 0x9f) {
                        out.write(String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII));
                        return;
                    }
                    out.write(0xc2);
                }
                if (c == 0xc2) {
                    afterC2 = true;
                } else if (c < 0x80 && isUnsafe(c)) {
                    out.write(String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    write(bytes[i]);
                }
            }

            /** Writes a held lead byte and flushes; the stream underneath stays open. */
            @Override
            public void close() throws IOException {
                if (afterC2) {
                    out.write(0xc2);
                    afterC2 = false;
                }
                out.flush();
            }
        };
    }
}
