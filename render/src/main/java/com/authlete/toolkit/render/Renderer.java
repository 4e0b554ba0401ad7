package com.authlete.toolkit.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a JSON document, read from a stream, in one output format. Renderers know nothing of where the JSON
 * came from; formats other than {@link PassthroughRenderer} plug in behind this interface.
 */
@FunctionalInterface
public interface Renderer {

    void render(InputStream json, OutputStream out) throws IOException;
}
