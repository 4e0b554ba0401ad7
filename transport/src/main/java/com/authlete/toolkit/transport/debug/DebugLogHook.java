package com.authlete.toolkit.transport.debug;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.transport.ExchangeHook;
import com.authlete.toolkit.transport.TransportRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Logs each exchange: the request line, headers and body preview; the response status, headers and body
 * preview (written when the body is closed, after the reader is done with it); transport errors. Everything is
 * redacted by {@link com.authlete.toolkit.core.secrets.Redactor}.
 */
public final class DebugLogHook implements ExchangeHook {

    /** Response bytes kept for the preview; redaction sees this much, the preview shows less. */
    static final int CAPTURE_BYTES = 64 * 1024;

    private final ExchangeLog log;

    public DebugLogHook(PrintStream out) {
        this.log = new ExchangeLog(out);
    }

    @Override
    public TransportResponse intercept(Chain chain) throws IOException {
        TransportRequest request = chain.request();
        log.request(request);
        long started = System.nanoTime();
        try {
            TransportResponse response = chain.proceed(request);
            log.response(
                    response.status(),
                    (System.nanoTime() - started) / 1_000_000,
                    response.headers(),
                    bearerOf(request));
            String contentType = response.header("Content-Type").orElse(null);
            return response.withBody(new CapturingStream(response.body(), contentType, bearerOf(request)));
        } catch (IOException e) {
            log.note("transport error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            throw e;
        }
    }

    /** The token the request carries: a server that echoes it must not get it logged. */
    private static String bearerOf(TransportRequest request) {
        return request.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .orElse(null);
    }

    /** Passes the body through, keeping its start and counting the rest; logs the preview once, on close. */
    private final class CapturingStream extends FilterInputStream {
        private final byte[] captured = new byte[CAPTURE_BYTES];
        private final String contentType;
        private final String bearer;
        private int length;
        private long total;
        private boolean logged;

        CapturingStream(InputStream in, String contentType, String bearer) {
            super(in);
            this.contentType = contentType;
            this.bearer = bearer;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            if (n > 0) {
                keep(buffer, offset, n);
            }
            return n;
        }

        private void keep(byte[] buffer, int offset, int n) {
            int room = Math.min(n, captured.length - length);
            if (room > 0) {
                System.arraycopy(buffer, offset, captured, length, room);
                length += room;
            }
            total += n;
        }

        @Override
        public void close() throws IOException {
            if (!logged) {
                logged = true;
                log.responseBody(captured, length, total, contentType, bearer);
            }
            super.close();
        }
    }
}
