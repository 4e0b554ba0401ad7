package com.authlete.toolkit.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body with a deadline: the JDK client's timeout ends when the headers arrive, so a stalled body would
 * block for ever. At the deadline the stream is closed, and a read blocked on it fails as a timeout.
 */
final class DeadlineInputStream extends FilterInputStream {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "authlete-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;
    private final ScheduledFuture<?> alarm;
    private volatile boolean expired;

    DeadlineInputStream(InputStream in, Duration remaining, Duration timeout) {
        super(in);
        this.timeout = timeout;
        this.alarm = TIMER.schedule(this::expire, Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how a blocked read is woken; a failure here changes nothing.
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw translated(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    private IOException translated(IOException e) {
        if (!expired) {
            return e;
        }
        HttpTimeoutException timedOut = new HttpTimeoutException("request timed out after " + timeout.toMillis() + " ms");
        timedOut.initCause(e);
        return timedOut;
    }

    @Override
    public void close() throws IOException {
        alarm.cancel(false);
        super.close();
    }
}
