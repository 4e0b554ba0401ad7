package com.authlete.toolkit.core.request;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for path segments and for query and form components (RFC 3986 unreserved set kept). */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    static String pathSegment(String value) {
        return encode(value, false);
    }

    /** For {@code application/x-www-form-urlencoded} and query strings: spaces become {@code +}. */
    static String formComponent(String value) {
        return encode(value, true);
    }

    private static String encode(String value, boolean spaceAsPlus) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
