package com.authlete.toolkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One output format: a whole JSON document, or a stream of items as they arrive (a paged list). Every format
 * (json, yaml, pretty, table, toon) implements it; {@link com.authlete.toolkit.render.formats.Renderers#of} picks one. Renderers know nothing of where
 * the JSON came from.
 */
public interface Renderer {

    /** Writes one whole document. */
    void render(JsonNode value, OutputStream out) throws IOException;

    /** Starts a stream of items on {@code out}; closing it finishes the output (a table lays out its rows then). */
    ItemStream stream(OutputStream out) throws IOException;
}
