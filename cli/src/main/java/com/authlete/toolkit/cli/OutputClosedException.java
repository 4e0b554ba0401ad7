package com.authlete.toolkit.cli;

import java.io.IOException;

/** Standard output was closed by its reader (as by {@code | head -1}): stop quietly, there is nobody to tell. */
final class OutputClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    OutputClosedException() {
        super("standard output was closed");
    }
}
