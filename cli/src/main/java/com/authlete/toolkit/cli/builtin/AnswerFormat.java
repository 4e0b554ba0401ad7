package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import com.authlete.toolkit.render.formats.Renderers;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.rvesse.airline.annotations.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/** {@code -F} for built-in commands that answer with data: text lines by default, any output format on request. */
public final class AnswerFormat {

    @Option(
            name = {"--output-format", "-F"},
            title = "pretty|json|yaml|table|toon",
            description = "Print the answer in this format instead of text lines (json for scripts).")
    String format;

    /** The format asked for, or null for the command's text lines; checked before anything is done. */
    OutputFormat chosen() throws CliException {
        try {
            return format == null ? null : OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--output-format: " + e.getMessage());
        }
    }

    static void print(OutputFormat format, JsonNode answer, PrintStream out) throws CliException {
        try {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            Renderers.of(format, RenderOptions.PLAIN).render(answer, text);
            byte[] bytes = text.toByteArray();
            out.write(bytes);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                out.println();
            }
            out.flush();
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot write the answer: " + e.getMessage());
        }
    }
}
