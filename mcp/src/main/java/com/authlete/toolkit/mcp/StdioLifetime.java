package com.authlete.toolkit.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * When a stdio session is over. The SDK stops writing as soon as its input ends, which would drop the answers to
 * requests still being served when a client (or a script piping requests in) closes its side first. So the end of
 * input is held back until every request read has been answered (requests counted as they are handed to the SDK,
 * answers as they are written; no timing involved), and only then shown to the SDK and to {@link #awaitEnd}.
 */
final class StdioLifetime {

    private final Object lock = new Object();
    private long owed;
    private long answered;
    private boolean outputGone;
    private final CountDownLatch ended = new CountDownLatch(1);

    /** A request (it has an id) was handed to the SDK: an answer is owed. */
    void requestRead() {
        synchronized (lock) {
            owed++;
        }
    }

    /** The SDK wrote an answer to a request. */
    void answerWritten() {
        synchronized (lock) {
            answered++;
            lock.notifyAll();
        }
    }

    /** Nothing more can be written (the client closed its end): no answer will ever arrive. */
    void outputClosed() {
        synchronized (lock) {
            outputGone = true;
            lock.notifyAll();
        }
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

    private int atEnd(int read) {
        if (read >= 0) {
            return read;
        }
        try {
            synchronized (lock) {
                while (answered < owed && !outputGone) {
                    lock.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
        return read;
    }
}
