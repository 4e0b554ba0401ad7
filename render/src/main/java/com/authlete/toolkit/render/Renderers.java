package com.authlete.toolkit.render;

import com.authlete.toolkit.render.json.JsonRenderer;
import com.authlete.toolkit.render.pretty.PrettyRenderer;
import com.authlete.toolkit.render.table.TableRenderer;
import com.authlete.toolkit.render.toon.ToonOptions;
import com.authlete.toolkit.render.toon.ToonRenderer;
import com.authlete.toolkit.render.yaml.YamlRenderer;
import java.io.IOException;
import java.io.OutputStream;

/** The renderer of each format, for whole documents and for streams of items. */
public final class Renderers {

    private Renderers() {
    }

    public static DocumentRenderer document(OutputFormat format, RenderOptions options) {
        return switch (format) {
            case JSON -> new JsonRenderer(options.indent());
            case YAML -> new YamlRenderer();
            case PRETTY -> new PrettyRenderer(options.color());
            case TABLE -> new TableRenderer(options);
            case TOON -> new ToonRenderer(ToonOptions.DEFAULTS);
        };
    }

    public static ItemStream stream(OutputFormat format, RenderOptions options, OutputStream out) throws IOException {
        return switch (format) {
            case JSON -> JsonRenderer.stream(out);
            case YAML -> YamlRenderer.stream(out);
            case PRETTY -> new PrettyRenderer(options.color()).stream(out);
            case TABLE -> new TableRenderer(options).stream(out);
            case TOON -> new ToonRenderer(ToonOptions.DEFAULTS).stream(out);
        };
    }
}
