package com.authlete.toolkit.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies the document byte for byte, so field order and number precision stay exactly as received. When the
 * document does not end with a line break and {@code terminalNewline} is set, one is added, so that a shell
 * prompt does not start on the same line; and control characters are escaped (see {@link TerminalSafe}), since
 * the text came from a server.
 */
public final class PassthroughRenderer implements Renderer {

    private final boolean terminalNewline;

    public PassthroughRenderer(boolean terminalNewline) {
        this.terminalNewline = terminalNewline;
    }

    @Override
    public void render(InputStream json, OutputStream target) throws IOException {
        OutputStream out = terminalNewline ? TerminalSafe.stream(target) : target;
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
        if (terminalNewline && total > 0 && last != '\n') {
            out.write('\n');
        }
        if (out != target) {
            out.close(); // the filter's, which leaves the target open
        }
        target.flush();
    }
}
