package com.authlete.toolkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code authlete} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Buffered: streamed output (--all) would otherwise make one system call per write.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new Cli(System.getenv(), Terminal.detect(), System.in, out, err).run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
