package com.authlete.toolkit.render;

/**
 * Encoder options of TOON (spec 3.3, section 13).
 *
 * @param indent       spaces per indentation level (default 2)
 * @param delimiter    the document delimiter: {@code ','} (default), {@code '\t'} or {@code '|'}
 * @param keyFolding   whether chains of single-key objects fold into dotted keys ("safe" mode)
 * @param flattenDepth the most segments one folded key may have (default: unlimited)
 */
public record ToonOptions(int indent, char delimiter, boolean keyFolding, int flattenDepth) {

    public static final ToonOptions DEFAULTS = new ToonOptions(2, ',', false, Integer.MAX_VALUE);

    public ToonOptions {
        if (indent < 1) {
            throw new IllegalArgumentException("indent must be at least 1");
        }
        if (delimiter != ',' && delimiter != '\t' && delimiter != '|') {
            throw new IllegalArgumentException("delimiter must be comma, tab or pipe");
        }
        if (flattenDepth < 0) {
            throw new IllegalArgumentException("flattenDepth must not be negative");
        }
    }

    public ToonOptions withIndent(int spaces) {
        return new ToonOptions(spaces, delimiter, keyFolding, flattenDepth);
    }

    public ToonOptions withDelimiter(char value) {
        return new ToonOptions(indent, value, keyFolding, flattenDepth);
    }

    public ToonOptions withKeyFolding(boolean enabled) {
        return new ToonOptions(indent, delimiter, enabled, flattenDepth);
    }

    public ToonOptions withFlattenDepth(int depth) {
        return new ToonOptions(indent, delimiter, keyFolding, depth);
    }
}
