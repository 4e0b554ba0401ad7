package com.authlete.toolkit.transport.debug;

import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.transport.TransportRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** How requests and responses are written for people (--dry-run, --debug): redacted and bounded. */
public final class ExchangeLog {

    private final PrintStream out;
    private final int previewBytes;

    public ExchangeLog(PrintStream out, int previewBytes) {
        this.out = out;
        this.previewBytes = previewBytes;
    }

    public ExchangeLog(PrintStream out) {
        this(out, Redactor.DEFAULT_PREVIEW_BYTES);
    }

    /** A request as the core previews it (absolute target, every header). */
    public void request(PreparedRequest preview) {
        request(TransportRequest.of(preview));
    }

    public void request(TransportRequest request) {
        out.println("> " + request.method() + " " + Redactor.uri(request.uri()));
        headers("> ", request.headers());
        if (request.body() != null) {
            out.println("> body (" + request.body().length + " bytes): "
                    + Redactor.preview(
                            request.body(),
                            request.body().length,
                            request.body().length,
                            request.header("Content-Type").orElse(null),
                            previewBytes));
        }
        out.flush();
    }

    public void response(int status, long millis, Map<String, List<String>> headers) {
        response(status, millis, headers, null);
    }

    /**
     * The status and headers: secrets inside a value masked as in a field (a {@code Location}'s query), and
     * {@code knownSecret} (the request's own token) wherever a header echoes it.
     */
    public void response(int status, long millis, Map<String, List<String>> headers, String knownSecret) {
        out.println("< HTTP " + status + " (" + millis + " ms)");
        Redactor.headers(headers)
                .forEach((name, values) -> values.forEach(value ->
                        out.println("< " + name + ": " + Redactor.without(knownSecret, Redactor.embedded(value)))));
        out.flush();
    }

    public void responseBody(byte[] captured, int length, long total, String contentType) {
        responseBody(captured, length, total, contentType, null);
    }

    /** A response body's preview with {@code knownSecret} (the request's own token, say) masked wherever it appears. */
    public void responseBody(byte[] captured, int length, long total, String contentType, String knownSecret) {
        out.println("< body (" + total + " bytes): "
                + Redactor.without(knownSecret, Redactor.preview(captured, length, total, contentType, previewBytes)));
        out.flush();
    }

    public void note(String text) {
        out.println("* " + text);
        out.flush();
    }

    private void headers(String prefix, Map<String, List<String>> headers) {
        Redactor.headers(headers)
                .forEach((name, values) -> values.forEach(value -> out.println(prefix + name + ": " + value)));
    }
}
