package com.authlete.toolkit.transport;

import com.authlete.toolkit.core.exchange.PreparedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as hooks see it: unlike the JDK's HttpRequest it exposes its body, so that hooks can log or
 * redact it. Immutable; hooks make changed copies.
 *
 * @param method  the HTTP method
 * @param uri     the absolute URI
 * @param headers header names as given, each with its values
 * @param body    the body bytes, or null for none
 */
public record TransportRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    public TransportRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** A copy with the header set to this one value, replacing any value under the same name in any case. */
    public TransportRequest withHeader(String name, String value) {
        Map<String, List<String>> changed = new LinkedHashMap<>();
        headers.forEach((key, values) -> {
            if (!key.equalsIgnoreCase(name)) {
                changed.put(key, values);
            }
        });
        changed.put(name, List.of(value));
        return new TransportRequest(method, uri, changed, body);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** A request as the core previews it for a dry run, its target absolute. */
    public static TransportRequest of(PreparedRequest preview) {
        return new TransportRequest(
                preview.method(), URI.create(preview.target()), single(preview.headers()), preview.body());
    }

    static Map<String, List<String>> single(Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) ->
                multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        return multi;
    }
}
