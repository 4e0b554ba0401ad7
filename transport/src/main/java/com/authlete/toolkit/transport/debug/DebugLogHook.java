package com.authlete.toolkit.transport.debug;

import com.authlete.toolkit.transport.ExchangeHook;
import com.authlete.toolkit.transport.TransportRequest;
import com.authlete.toolkit.transport.TransportResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes each exchange's request line and headers and the response status and headers to a stream (stderr on
 * the command line), with credential headers redacted.
 */
public final class DebugLogHook implements ExchangeHook {

    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "dpop");

    private final PrintStream out;

    public DebugLogHook(PrintStream out) {
        this.out = out;
    }

    @Override
    public TransportResponse intercept(Chain chain) throws IOException {
        TransportRequest request = chain.request();
        out.println("> " + request.method() + " " + request.uri());
        headers("> ", request.headers());
        if (request.body() != null) {
            out.println("> (body: " + request.body().length + " bytes)");
        }
        long started = System.nanoTime();
        try {
            TransportResponse response = chain.proceed(request);
            out.println("< HTTP " + response.status() + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
            headers("< ", response.headers());
            return response;
        } catch (IOException e) {
            out.println("! " + e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    private void headers(String prefix, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> values.forEach(value ->
                out.println(prefix + name + ": " + (isSecret(name) ? "[REDACTED]" : value))));
    }

    static boolean isSecret(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(name) || name.contains("token") || name.contains("secret")
                || name.contains("key") || name.contains("auth");
    }
}
