package com.authlete.toolkit.core.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request ready to send: what any HTTP client needs, and nothing of the catalog.
 *
 * @param method  the HTTP method
 * @param target  the path and query, relative to a server's base URL, such as {@code /api/1/client/get/list?start=0}
 *                (absolute in a {@linkplain Exchange#preview preview})
 * @param headers request headers (Accept, and Content-Type when there is a body)
 * @param body    the encoded body, or null when there is none
 */
public record PreparedRequest(String method, String target, Map<String, String> headers, byte[] body) {

    public PreparedRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A copy with the header set to this value, replacing one of the same name in any case. */
    public PreparedRequest withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>();
        headers.forEach((key, existing) -> {
            if (!key.equalsIgnoreCase(name)) {
                changed.put(key, existing);
            }
        });
        changed.put(name, value);
        return new PreparedRequest(method, target, changed, body);
    }

    /** The value of a header, in any case of its name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<byte[]> bodyBytes() {
        return Optional.ofNullable(body);
    }

    /** The body as text, for previews and tests. */
    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
