package com.authlete.toolkit.mcp;

import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a stdio session before the SDK sees them. The SDK ends its reading for good on a line it cannot
 * take (text that is not JSON, a JSON array, a message larger than its parser allows): from then on it neither
 * answers nor notices the end of input. Here each line is checked first; one that is not a JSON-RPC message is
 * answered as JSON-RPC says ({@code -32700} parse error, {@code -32600} invalid request; batches are not part of
 * MCP since 2025-06-18) and left out, and the session goes on.
 */
final class JsonRpcLines extends InputStream {

    /** The largest line taken; a larger one is skipped without being held in memory. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final InputStream in;
    private final Answers answers;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPosition;
    private int chunkLength;
    private byte[] line = new byte[0];
    private int position;
    private boolean ended;

    /** Where the answers to refused lines go: the session's output, written whole lines at a time. */
    interface Answers {
        void answer(byte[] line) throws IOException;
    }

    JsonRpcLines(InputStream in, Answers answers) {
        this.in = in;
        this.answers = answers;
    }

    /** Writes each message of {@code out} as one whole line, so that answers written here never split one. */
    static final class WholeLines extends OutputStream implements Answers {
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WholeLines(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                out.write(pending.toByteArray());
                pending.reset();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        @Override
        public synchronized void answer(byte[] message) throws IOException {
            out.write(message);
            out.write('\n');
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** Makes sure there is an accepted line to hand out; false at the end of input. */
    private boolean fill() throws IOException {
        while (position >= line.length) {
            if (ended) {
                return false;
            }
            byte[] next = nextLine();
            if (next == null) {
                ended = true;
                return false;
            }
            if (accepted(next)) {
                line = new byte[next.length + 1];
                System.arraycopy(next, 0, line, 0, next.length);
                line[next.length] = '\n';
                position = 0;
            }
        }
        return true;
    }

    /** The next line without its end, or null at the end of input; a line beyond the limit is skipped whole. */
    private byte[] nextLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPosition >= chunkLength) {
                chunkLength = in.read(chunk);
                chunkPosition = 0;
                if (chunkLength < 0) {
                    chunkLength = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                continue;
            }
            any = true;
            int end = chunkPosition;
            while (end < chunkLength && chunk[end] != '\n') {
                end++;
            }
            int count = end - chunkPosition;
            if (!tooLong && bytes.size() + count <= MAX_LINE_BYTES) {
                bytes.write(chunk, chunkPosition, count);
            } else {
                tooLong = true;
                bytes.reset();
            }
            chunkPosition = end;
            if (end < chunkLength) {
                chunkPosition++; // past the line's end
                break;
            }
        }
        if (tooLong) {
            refuse(-32600, "Invalid Request: a message of more than " + MAX_LINE_BYTES + " bytes is not taken", null);
            return new byte[0];
        }
        return bytes.toByteArray();
    }

    private boolean accepted(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return false;
        }
        JsonNode message;
        try {
            message = JsonTrees.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            refuse(-32700, "Parse error: " + e.getOriginalMessage(), null);
            return false;
        }
        if (message == null || message.isArray()) {
            refuse(-32600, "Invalid Request: " + (message == null ? "no message" : "batches are not supported"), null);
            return false;
        }
        JsonNode id = message.get("id");
        JsonNode validId = id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
        boolean request = message.path("method").isTextual();
        boolean response = validId != null && (message.has("result") || message.has("error"));
        if (!message.isObject()
                || !"2.0".equals(message.path("jsonrpc").asText())
                || !(request || response)
                || (id != null && validId == null)) {
            refuse(-32600, "Invalid Request: not a JSON-RPC 2.0 message", validId);
            return false;
        }
        return true;
    }

    private void refuse(int code, String message, JsonNode id) throws IOException {
        ObjectNode error = JsonTrees.NODES.objectNode();
        error.put("jsonrpc", "2.0");
        error.set("id", id == null ? JsonTrees.NODES.nullNode() : id);
        error.putObject("error").put("code", code).put("message", message);
        answers.answer(JsonTrees.mapper().writeValueAsBytes(error));
    }
}
