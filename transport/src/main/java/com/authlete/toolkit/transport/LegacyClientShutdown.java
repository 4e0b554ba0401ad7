package com.authlete.toolkit.transport;

import java.lang.reflect.Field;
import java.net.http.HttpClient;

/**
 * Stops the selector thread of a JDK 17-20 HTTP client, which has no {@code close()}: that thread waits in native
 * code, and at exit the JVM waits up to 300 ms for such threads (BENCHMARKS.md). The client stops it the same way
 * itself once it is garbage-collected. This needs {@code --add-opens java.net.http/jdk.internal.net.http=ALL-UNNAMED}
 * (the launcher passes it on those JDKs); without it, or on a JDK laid out differently, nothing happens.
 */
final class LegacyClientShutdown {

    private LegacyClientShutdown() {}

    static void stop(HttpClient client) {
        try {
            Object impl = field(client, "impl");
            Object selector = field(impl, "selmgr");
            var shutdown = selector.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(selector);
            if (selector instanceof Thread thread) {
                awaitExit(thread, 100); // gone from native code before the JVM looks
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened to us, or another layout: the JVM waits at exit, nothing worse.
        }
    }

    /**
     * Waits up to {@code millis} for a thread to end, without {@code Thread.join}: join waits on the thread
     * object's monitor, and JDK 17's selector thread holds its own monitor while it closes connections. When a
     * worker returns a connection to the pool at that moment, the two deadlock (a JDK bug; both are daemon
     * threads, so the process still exits), and a join could never take the monitor back: the CLI hung (seen
     * in CI in TrustAnchorsTest). Polling {@code isAlive} takes no lock.
     */
    static void awaitExit(Thread thread, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
