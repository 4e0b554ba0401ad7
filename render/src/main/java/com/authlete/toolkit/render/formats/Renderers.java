package com.authlete.toolkit.render.formats;

import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import com.authlete.toolkit.render.Renderer;
import com.authlete.toolkit.render.ToonOptions;
import com.authlete.toolkit.render.json.JsonRenderer;
import com.authlete.toolkit.render.pretty.PrettyRenderer;
import com.authlete.toolkit.render.table.TableRenderer;
import com.authlete.toolkit.render.toon.ToonRenderer;
import com.authlete.toolkit.render.yaml.YamlRenderer;

/** The renderer of each format. */
public final class Renderers {

    private Renderers() {}

    public static Renderer of(OutputFormat format, RenderOptions options) {
        return switch (format) {
            case JSON -> new JsonRenderer(options.indent());
            case YAML -> new YamlRenderer();
            case PRETTY -> new PrettyRenderer(options.color());
            case TABLE -> new TableRenderer(options);
            case TOON -> new ToonRenderer(ToonOptions.DEFAULTS);
        };
    }
}
