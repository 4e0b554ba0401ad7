package com.authlete.toolkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Standard input as a request body: when it has given nothing after a moment and a person is watching standard error,
 * one line says what the command is waiting for (a CI runner with an open standard input would otherwise wait
 * without a word for ever). The body is read the same either way.
 */
final class QuietStdinNotice {

    static final Duration MOMENT = Duration.ofSeconds(1);
    static final String TEXT = "reading the request body from standard input (use < /dev/null to skip)";

    private QuietStdinNotice() {}

    /** {@code stdin}, watched: the notice is printed on {@code err} once if nothing has arrived after a moment. */
    static InputStream watched(InputStream stdin, PrintStream err, boolean errIsTerminal) {
        if (!errIsTerminal) {
            return stdin;
        }
        AtomicBoolean heard = new AtomicBoolean();
        Thread notice = new Thread(
                () -> {
                    try {
                        Thread.sleep(MOMENT.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!heard.get()) {
                        err.println(TEXT);
                        err.flush();
                    }
                },
                "authlete-stdin-notice");
        notice.setDaemon(true);
        notice.start();
        return new FilterInputStream(stdin) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                heard.set(true);
                notice.interrupt();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                heard.set(true);
                notice.interrupt();
                return n;
            }
        };
    }
}
