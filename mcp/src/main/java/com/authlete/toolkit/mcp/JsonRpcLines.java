package com.authlete.toolkit.mcp;

import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The lines of a stdio session before the SDK sees them. The SDK ends its reading for good on a line it cannot
 * take (text that is not JSON, a JSON array, a message larger than its parser allows): from then on it neither
 * answers nor notices the end of input. Here each line is checked first; one that is not a JSON-RPC message is
 * answered as JSON-RPC says ({@code -32700} parse error, {@code -32600} invalid request; batches are not part of
 * MCP since 2025-06-18) and left out, and the session goes on. The SDK also drops requests that come too early: one
 * before {@code initialize} is answered here ({@code -32002}; a ping gets its empty result), and one after
 * {@code initialize} but before the client's {@code notifications/initialized} (a client that does not wait) is
 * preceded by that notification on the client's behalf, so that it is served. Every request handed on is counted
 * as an answer owed ({@link StdioLifetime}).
 */
final class JsonRpcLines extends InputStream {

    /** The largest line taken; a larger one is skipped without being held in memory. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private static final byte[] INITIALIZED =
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n".getBytes(StandardCharsets.UTF_8);

    private final InputStream in;
    private final Answers answers;
    private final StdioLifetime lifetime;
    private final Function<String, String> unlisted;
    private final PrintStream debug;
    private boolean initializeSeen;
    private boolean initializedSeen;
    private long lineNumber;
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

    /**
     * @param unlisted why a tool that tools/call names is not listed (null for one that is): the SDK would only say
     *                 "Unknown tool"
     * @param debug    where refused lines are reported ({@code --debug}), or null
     */
    JsonRpcLines(
            InputStream in,
            Answers answers,
            StdioLifetime lifetime,
            Function<String, String> unlisted,
            PrintStream debug) {
        this.in = in;
        this.answers = answers;
        this.lifetime = lifetime;
        this.unlisted = unlisted;
        this.debug = debug;
    }

    /** Writes each message of {@code out} as one whole line, so that answers written here never split one. */
    static final class WholeLines extends OutputStream implements Answers {
        private final OutputStream out;
        private final StdioLifetime lifetime;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WholeLines(OutputStream out, StdioLifetime lifetime) {
            this.out = out;
            this.lifetime = lifetime;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                byte[] line = pending.toByteArray();
                pending.reset();
                try {
                    out.write(line);
                    out.flush();
                } catch (IOException e) {
                    lifetime.outputClosed();
                    throw e;
                }
                if (isAnswer(line)) {
                    lifetime.answerWritten();
                }
            }
        }

        /** An answer to a request: it has an id and a result or an error (not a request or notification of ours). */
        private static boolean isAnswer(byte[] line) {
            try {
                JsonNode message = JsonTrees.mapper().readTree(line);
                return message != null
                        && message.hasNonNull("id")
                        && (message.has("result") || message.has("error"))
                        && !message.has("method");
            } catch (IOException notJson) {
                return false;
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
            lineNumber++;
            JsonNode message = accepted(next);
            if (message != null && admitted(message)) {
                byte[] prefix = new byte[0];
                if (isRequest(message) && initializeSeen && !initializedSeen && !isMethod(message, "ping")) {
                    prefix = INITIALIZED; // the client did not wait for its own notification: sent for it
                    initializedSeen = true;
                    log("a request before notifications/initialized; the notification is sent on the client's behalf");
                }
                line = new byte[prefix.length + next.length + 1];
                System.arraycopy(prefix, 0, line, 0, prefix.length);
                System.arraycopy(next, 0, line, prefix.length, next.length);
                line[line.length - 1] = '\n';
                position = 0;
                if (isRequest(message)) {
                    lifetime.requestRead();
                }
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

    /** Whether the SDK may have the message now; answers those that come before initialize. */
    private boolean admitted(JsonNode message) throws IOException {
        if (isMethod(message, "initialize")) {
            initializeSeen = true;
            return true;
        }
        if (isMethod(message, "notifications/initialized")) {
            initializedSeen = true;
            return true;
        }
        if (!isRequest(message)) {
            return true;
        }
        if (!initializeSeen) {
            if (isMethod(message, "ping")) {
                ObjectNode pong = JsonTrees.NODES.objectNode();
                pong.put("jsonrpc", "2.0");
                pong.set("id", message.get("id"));
                pong.putObject("result");
                answers.answer(JsonTrees.mapper().writeValueAsBytes(pong));
            } else {
                refuse(-32002, "Server not initialized: send initialize first", message.get("id"));
            }
            return false;
        }
        if (isMethod(message, "tools/call")) {
            String why = unlisted.apply(message.at("/params/name").asText(""));
            if (why != null) {
                refuse(-32602, why, message.get("id"));
                return false;
            }
        }
        return true;
    }

    private static boolean isRequest(JsonNode message) {
        return message.path("method").isTextual() && message.hasNonNull("id");
    }

    private static boolean isMethod(JsonNode message, String method) {
        return method.equals(message.path("method").asText(null));
    }

    private void log(String text) {
        if (debug != null) {
            debug.println("mcp: line " + lineNumber + ": " + text);
            debug.flush();
        }
    }

    /** The message, when the line is one the SDK can take; null (answered with an error) otherwise. */
    private JsonNode accepted(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return null;
        }
        JsonNode message;
        try {
            message = JsonTrees.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            refuse(-32700, "Parse error: " + e.getOriginalMessage(), null);
            return null;
        }
        if (message == null || message.isArray()) {
            refuse(-32600, "Invalid Request: " + (message == null ? "no message" : "batches are not supported"), null);
            return null;
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
            return null;
        }
        return message;
    }

    private void refuse(int code, String message, JsonNode id) throws IOException {
        ObjectNode error = JsonTrees.NODES.objectNode();
        error.put("jsonrpc", "2.0");
        error.set("id", id == null ? JsonTrees.NODES.nullNode() : id);
        error.putObject("error").put("code", code).put("message", message);
        log("answered " + code + " (" + message + ")");
        answers.answer(JsonTrees.mapper().writeValueAsBytes(error));
    }
}
