package com.authlete.toolkit.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A response body with time limits: the JDK client's timeout ends when the headers arrive, so a stalled body would
 * block for ever. Two limits: a deadline for the whole request, and an idle limit between reads that bring data.
 * When one is reached the stream is closed, and a read blocked on it fails as a timeout. A daemon thread per
 * response sleeps until the nearer limit and, when data came meanwhile, sleeps again (a plain thread: a scheduler
 * costs a process that makes one request more to load than it saves).
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Duration total;
    private final long deadline; // System.nanoTime() value, or Long.MAX_VALUE
    private final long idleNanos; // or 0 for none
    private volatile long lastData = System.nanoTime();
    private final Thread watchdog;
    private volatile String expired;
    private volatile boolean closed;

    /**
     * @param remaining what is left of the whole request's time, or null for no deadline
     * @param total     the whole request's limit, for the message
     * @param idle      the longest silence allowed between reads, or null
     */
    DeadlineInputStream(InputStream in, Duration remaining, Duration total, Duration idle) {
        super(in);
        this.total = total;
        long now = System.nanoTime();
        this.deadline = remaining == null ? Long.MAX_VALUE : now + Math.max(1_000_000, remaining.toNanos());
        this.idleNanos = idle == null ? 0 : idle.toNanos();
        if (deadline == Long.MAX_VALUE && idleNanos == 0) {
            this.watchdog = null;
            return;
        }
        this.watchdog = new Thread(this::watch, "authlete-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void watch() {
        try {
            while (!closed) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    expire("request timed out after " + total.toMillis() + " ms");
                    return;
                }
                if (idleNanos > 0 && now - lastData >= idleNanos) {
                    expire("the server sent nothing for " + idleNanos / 1_000_000 + " ms (read timeout)");
                    return;
                }
                long due = idleNanos > 0 ? Math.min(deadline, lastData + idleNanos) : deadline;
                TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000, due - now));
            }
        } catch (InterruptedException closedMeanwhile) {
            // The body was closed: nothing to watch.
        }
    }

    private void expire(String why) {
        expired = why;
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how a blocked read is woken; a failure here changes nothing.
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            lastData = System.nanoTime();
            return b;
        } catch (IOException e) {
            throw translated(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                lastData = System.nanoTime();
            }
            return n;
        } catch (IOException e) {
            throw translated(e);
        }
    }

    private IOException translated(IOException e) {
        String why = expired;
        if (why == null) {
            return e;
        }
        HttpTimeoutException timedOut = new HttpTimeoutException(why);
        timedOut.initCause(e);
        return timedOut;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        super.close();
    }
}
