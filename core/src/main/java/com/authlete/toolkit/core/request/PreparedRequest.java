package com.authlete.toolkit.core.request;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A request ready to send: what any HTTP client needs, and nothing of the catalog.
 *
 * @param method  the HTTP method
 * @param target  the path and query, relative to a server's base URL, such as {@code /api/1/client/get/list?start=0}
 * @param headers request headers (Accept, and Content-Type when there is a body)
 * @param body    the encoded body, or null when there is none
 */
public record PreparedRequest(String method, String target, Map<String, String> headers, byte[] body) {

    public PreparedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<byte[]> bodyBytes() {
        return Optional.ofNullable(body);
    }

    /** The body as text, for previews and tests. */
    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
