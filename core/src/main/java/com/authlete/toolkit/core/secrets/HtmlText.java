package com.authlete.toolkit.core.secrets;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Attribute values of an HTML page as text and back: what the redaction rules read, and what they write. */
final class HtmlText {

    private static final Pattern REFERENCE = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));");
    private static final Map<String, String> NAMED =
            Map.of("amp", "&", "quot", "\"", "apos", "'", "lt", "<", "gt", ">", "sol", "/", "equals", "=");

    private HtmlText() {}

    /** The text an attribute value stands for: character references replaced by their characters. */
    static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (reference.find()) {
            String replacement = reference.group();
            try {
                if (reference.group(1) != null) {
                    replacement = Character.toString(Integer.parseInt(reference.group(1)));
                } else if (reference.group(2) != null) {
                    replacement = Character.toString(Integer.parseInt(reference.group(2), 16));
                } else {
                    replacement = NAMED.getOrDefault(reference.group(3).toLowerCase(Locale.ROOT), replacement);
                }
            } catch (IllegalArgumentException outOfRange) {
                // Not a character: the reference stays as written.
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }

    /** Text as an attribute value, quotes and ampersands escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
