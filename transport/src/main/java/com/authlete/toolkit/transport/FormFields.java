package com.authlete.toolkit.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form-encoded text (a query string or an {@code application/x-www-form-urlencoded} body) read as names and values. */
public final class FormFields {

    private FormFields() {}

    /** The decoded fields in order; a name without {@code =} has the empty value, and of a repeated name the first wins. */
    public static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            values.putIfAbsent(
                    URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
