package com.authlete.toolkit.render.pretty;

/** ANSI colours for the kinds of JSON tokens; the plain palette adds nothing. */
public record Palette(String key, String string, String number, String bool, String nul, String reset) {

    public static final Palette PLAIN = new Palette("", "", "", "", "", "");
    public static final Palette ANSI =
            new Palette("\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[90m", "\u001b[0m");

    public static Palette of(boolean color) {
        return color ? ANSI : PLAIN;
    }

    String paint(String color, String text) {
        return color.isEmpty() ? text : color + text + reset;
    }
}
