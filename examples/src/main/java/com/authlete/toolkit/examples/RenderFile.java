package com.authlete.toolkit.examples;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import com.authlete.toolkit.render.formats.Renderers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows a JSON file in every output format, using the render module alone (no Authlete code involved).
 *
 * <pre>java -cp ... com.authlete.toolkit.examples.RenderFile data.json [width]</pre>
 */
public final class RenderFile {

    private RenderFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RenderFile <file.json> [table width]");
            System.exit(2);
        }
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        run(Path.of(args[0]), new RenderOptions(false, width), out);
    }

    /** Prints a heading and the rendering for each format. */
    public static void run(Path file, RenderOptions options, PrintStream out) throws IOException {
        JsonNode document = JsonTrees.mapper().readTree(file.toFile());
        for (OutputFormat format : OutputFormat.values()) {
            out.println("== " + format.name().toLowerCase(Locale.ROOT));
            Renderers.of(format, options).render(document, out);
            out.flush();
        }
    }
}
