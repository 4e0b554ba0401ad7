package com.authlete.toolkit.render;

/**
 * How to render.
 *
 * @param color whether to use ANSI colours (pretty and table)
 * @param width  the terminal width that tables must fit, or 0 for no limit (output to a pipe or file)
 * @param indent whether a JSON document is indented for reading (on a terminal) rather than on one line
 */
public record RenderOptions(boolean color, int width, boolean indent) {

    public RenderOptions(boolean color, int width) {
        this(color, width, false);
    }

    public static final RenderOptions PLAIN = new RenderOptions(false, 0);
}
