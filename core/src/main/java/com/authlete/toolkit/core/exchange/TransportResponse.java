package com.authlete.toolkit.core.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response whose body streams: nothing is buffered by the transport. Close it (or read the body to its end
 * and close the stream) to free the connection.
 *
 * @param status  the HTTP status code
 * @param headers the response headers (names in lower case, as HTTP/2 and the JDK client give them)
 * @param body    the body stream
 */
public record TransportResponse(int status, Map<String, List<String>> headers, InputStream body)
        implements AutoCloseable {

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** Returns a copy whose body is the given stream, for hooks that wrap the body. */
    public TransportResponse withBody(InputStream replacement) {
        return new TransportResponse(status, headers, replacement);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
