package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import com.authlete.toolkit.render.TerminalSafe;
import com.authlete.toolkit.render.formats.Renderers;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Tool results as MCP content: the answer in the chosen format, notes as further text, errors flagged. */
final class ToolResults {

    private final OutputFormat format;

    ToolResults(OutputFormat format) {
        this.format = format;
    }

    CallToolResult answer(JsonNode value, List<String> notes) {
        CallToolResult.Builder result = CallToolResult.builder().isError(false);
        result.addTextContent(value == null ? "(no content: the operation succeeded)" : render(value));
        notes.forEach(result::addTextContent);
        return result.build();
    }

    /** An error the model can act on; its text is scrubbed of anything that looks like a credential or a control. */
    static CallToolResult error(String message) {
        return CallToolResult.builder()
                .isError(true)
                .addTextContent(TerminalSafe.text(Redactor.loose(message)))
                .build();
    }

    /**
     * The answer as text for a model, without raw control characters from the server (C1 ones included, such as
     * U+009B, an escape sequence in one character): JSON escapes them as JSON does ({@code \u009b} means the same
     * character); TOON, whose strings have no such escape, gets them as visible {@code \u009b} text.
     */
    private String render(JsonNode value) {
        if (format != null) {
            return render(value, format);
        }
        // TOON is smaller for lists of like objects, compact JSON for deep or irregular ones: the smaller is sent.
        String toon = render(value, OutputFormat.TOON);
        String json = render(value, OutputFormat.JSON);
        return toon.length() <= json.length() ? toon : json;
    }

    private static String render(JsonNode value, OutputFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Renderers.of(format, RenderOptions.PLAIN)
                    .render(format == OutputFormat.JSON ? value : TerminalSafe.tree(value), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TerminalSafe.text(out.toString(StandardCharsets.UTF_8).stripTrailing());
    }
}
