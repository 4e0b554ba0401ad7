package com.authlete.toolkit.render;

import java.io.IOException;

/** Standard output was closed by its reader (as by {@code | head -1}): stop quietly, there is nobody to tell. */
public final class OutputClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputClosedException() {
        super("standard output was closed");
    }
}
