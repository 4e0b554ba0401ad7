package com.authlete.toolkit.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Renders a stream of values one at a time (the items of all pages of a list), without holding them: JSON
 * as one compact object per line, YAML as documents, TOON as blocks separated by blank lines, pretty as
 * blocks separated by blank lines, table as rows under one header.
 */
public interface ItemStream extends AutoCloseable {

    void item(JsonNode item) throws IOException;

    /**
     * Whether {@link #copy} can take items straight from a parser (no tree, numbers kept exactly as written).
     */
    default boolean copies() {
        return false;
    }

    /** Renders the value the parser is positioned on, consuming it; only when {@link #copies()} is true. */
    default void copy(JsonParser parser) throws IOException {
        throw new UnsupportedOperationException("this format needs a tree");
    }

    /** Marks the end of a page; a table fixes its column widths on the first. */
    default void endOfPage() throws IOException {}

    /** Writes anything still pending and flushes; does not close the underlying stream. */
    @Override
    void close() throws IOException;
}
