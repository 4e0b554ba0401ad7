package com.authlete.toolkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;

/** A failure while reading a response body: the network's fault, not the local disk's (exit 8, not 1). */
public final class NetworkReadException extends IOException {

    private static final long serialVersionUID = 1L;

    NetworkReadException(IOException cause) {
        super(
                cause instanceof HttpTimeoutException
                        ? cause.getMessage()
                        : "the connection failed while reading the response: " + cause.getMessage(),
                cause);
    }

    /** Wraps a response body so that its read failures are told apart from output failures. */
    static InputStream guard(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new NetworkReadException(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw new NetworkReadException(e);
                }
            }
        };
    }
}
