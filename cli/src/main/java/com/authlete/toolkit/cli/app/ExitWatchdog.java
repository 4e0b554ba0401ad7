package com.authlete.toolkit.cli.app;

import java.time.Duration;

/**
 * Makes sure the process ends once it is asked to: a library's shutdown hook that waits on something that never
 * answers (the D-Bus library waits for its own class to finish connecting to a frozen bus) would otherwise keep the
 * JVM alive after {@code System.exit} or SIGTERM. When the hooks have not finished after a grace period, the JVM is
 * halted with the status it was meant to exit with.
 */
final class ExitWatchdog {

    static final Duration GRACE = Duration.ofSeconds(3);
    /** The status of an exit asked for by a signal (SIGTERM's conventional 128 + 15). */
    private static final int SIGNALLED = 143;

    private static volatile int status = SIGNALLED;

    private ExitWatchdog() {}

    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitWatchdog::arm, "authlete-exit-watchdog"));
    }

    /** The status the process ends with, recorded before {@code System.exit}. */
    static void exiting(int exitStatus) {
        status = exitStatus;
    }

    /** Runs as a shutdown hook: returns at once, leaving a daemon that halts the JVM if the other hooks hang. */
    private static void arm() {
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(GRACE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    Runtime.getRuntime().halt(status);
                },
                "authlete-exit-halter");
        halter.setDaemon(true);
        halter.start();
    }
}
