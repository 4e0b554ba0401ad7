package com.authlete.toolkit.render;

/**
 * How to render.
 *
 * @param color          whether to use ANSI colours (pretty and table)
 * @param width          the terminal width that tables must fit, or 0 for no limit (output to a pipe or file)
 * @param indent         whether a JSON document is indented for reading (on a terminal) rather than on one line
 * @param readableTimes  whether tables show epoch-millisecond timestamps ({@code createdAt}) as UTC dates
 * @param columnsAsGiven whether tables keep the fields' order (the user chose them) instead of putting
 *                       identifiers and names first and long values last
 */
public record RenderOptions(boolean color, int width, boolean indent, boolean readableTimes, boolean columnsAsGiven) {

    public static final RenderOptions PLAIN = new RenderOptions(false, 0);

    public RenderOptions(boolean color, int width) {
        this(color, width, false, false, false);
    }

    public RenderOptions(boolean color, int width, boolean indent) {
        this(color, width, indent, false, false);
    }
}
