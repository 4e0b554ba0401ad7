package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.Terminal;
import com.authlete.toolkit.transport.tls.TlsProviders;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code authlete} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // SmallRye Config logs through jboss-logging, which otherwise searches the class path for a logging
        // framework (a service lookup and several failed class loads, about 2 ms of every start) and then settles on
        // the JDK's, the only one in this jar.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
        ExitWatchdog.install();
        // This process is ours: certificate paths are checked in native code whenever the native TLS is used.
        TlsProviders.preferNativeSignatures();
        // Buffered: streamed output (--all) would otherwise make one system call per write.
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new Cli(System.getenv(), Terminal.detect(), System.in, out, err)
                .pagingHelp()
                .run(args);
        out.flush();
        err.flush();
        ExitWatchdog.exiting(status);
        System.exit(status);
    }
}
