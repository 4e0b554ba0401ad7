package com.authlete.toolkit.render;

/**
 * How to render.
 *
 * @param color whether to use ANSI colours (pretty and table)
 * @param width the terminal width that tables must fit, or 0 for no limit (output to a pipe or file)
 */
public record RenderOptions(boolean color, int width) {

    public static final RenderOptions PLAIN = new RenderOptions(false, 0);
}
