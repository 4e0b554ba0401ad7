package com.authlete.toolkit.core.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prism mocking the real OpenAPI description on loopback. Started with setsid in a process group of its own,
 * since the npm launcher may leave the server under another PID; stopping kills the whole group.
 */
public final class PrismServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PrismServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static PrismServer start(Path prism, Path spec) throws IOException, InterruptedException {
        return start(prism, spec, false);
    }

    /**
     * @param strict with Prism's {@code --errors}: a request that breaks the description is answered with an error
     *               (4xx) instead of a mock answer, so that a successful answer proves the request was valid
     */
    public static PrismServer start(Path prism, Path spec, boolean strict) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("prism", ".log");
        List<String> command = new ArrayList<>(List.of(
                "setsid", prism.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port), spec.toString()));
        if (strict) {
            command.add("--errors");
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrismServer server = new PrismServer(process, port, log);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited early: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(url() + "/api/lifecycle/healthcheck").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("Prism did not answer within " + timeout + ": " + Files.readString(log));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // setsid made Prism the leader of its own process group: kill the group, then the leader.
        new ProcessBuilder("kill", "-TERM", "--", "-" + process.pid()).start().waitFor();
        process.destroy();
        process.waitFor();
        Files.deleteIfExists(log);
    }
}
