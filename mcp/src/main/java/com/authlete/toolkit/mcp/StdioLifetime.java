package com.authlete.toolkit.mcp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a stdio session is over. The SDK stops writing as soon as its input ends, which would drop the answers to
 * requests still being served when a client (or a script piping requests in) closes its side first. So the end of
 * input is held back until no tool call is under way and nothing has happened for a moment (no call ending, no
 * output: a finished call's answer is written just after it ends), and only then shown to the SDK and to
 * {@link #awaitEnd}.
 */
final class StdioLifetime {

    private static final long QUIET_NANOS = 150_000_000L;

    private final AtomicInteger callsUnderWay = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final CountDownLatch ended = new CountDownLatch(1);

    void callStarted() {
        callsUnderWay.incrementAndGet();
    }

    void callFinished() {
        // Its answer is still on the way to the output: the quiet moment starts now, not at the last write.
        lastActivity.set(System.nanoTime());
        callsUnderWay.decrementAndGet();
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    InputStream input(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return atEnd(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return atEnd(super.read(buffer, offset, length));
            }
        };
    }

    OutputStream output(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                lastActivity.set(System.nanoTime());
            }

            @Override
            public void flush() throws IOException {
                out.flush();
                lastActivity.set(System.nanoTime());
            }
        };
    }

    private int atEnd(int read) throws IOException {
        if (read >= 0) {
            return read;
        }
        try {
            while (callsUnderWay.get() > 0 || System.nanoTime() - lastActivity.get() < QUIET_NANOS) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
        return read;
    }
}
