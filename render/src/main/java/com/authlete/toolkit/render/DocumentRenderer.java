package com.authlete.toolkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/** Renders one JSON value as a whole document in one format. */
@FunctionalInterface
public interface DocumentRenderer {

    void render(JsonNode value, OutputStream out) throws IOException;
}
