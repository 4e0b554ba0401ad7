package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
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

    /** An error the model can act on; its text is scrubbed of anything that looks like a credential. */
    static CallToolResult error(String message) {
        return CallToolResult.builder()
                .isError(true)
                .addTextContent(Redactor.loose(message))
                .build();
    }

    private String render(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Renderers.of(format, RenderOptions.PLAIN).render(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
