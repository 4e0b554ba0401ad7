package com.authlete.toolkit.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies the document byte for byte, so field order and number precision stay exactly as received. When the
 * document does not end with a line break, one is added: a shell prompt must not start on the same line, and a
 * script reading lines ({@code while read}) would lose the last one. On a terminal, control characters are escaped
 * too (see {@link TerminalSafe}), since the text came from a server.
 */
public final class Passthrough {

    private final boolean terminal;

    /** @param terminal whether the target is a terminal (control characters are then escaped) */
    public Passthrough(boolean terminal) {
        this.terminal = terminal;
    }

    public void copy(InputStream json, OutputStream target) throws IOException {
        OutputStream out = terminal ? TerminalSafe.stream(target) : target;
        byte[] buffer = new byte[16 * 1024];
        int last = '\n';
        long total = 0;
        for (int n; (n = json.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            if (n > 0) {
                last = buffer[n - 1];
                total += n;
            }
        }
        if (total > 0 && last != '\n') {
            out.write('\n');
        }
        if (out != target) {
            out.close(); // the filter's, which leaves the target open
        }
        target.flush();
    }
}
