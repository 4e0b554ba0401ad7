package com.authlete.toolkit.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The OAuth peer: npm {@code oidc-provider} 9.13.3 started on 127.0.0.1 by {@code .ci/peers/oidc-peer.mjs}, found
 * through {@value #SETTING} (the path of that script, whose {@code node_modules} hold the provider). Tests are
 * skipped, naming the setting, when it is absent. The peer prints one line per token grant; {@link #grants}
 * counts them.
 */
final class OidcPeer implements AutoCloseable {

    static final String SETTING = "AUTHLETE_OIDC_PEER";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String issuer;

    private OidcPeer(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    static OidcPeer start() throws Exception {
        String script = System.getenv(SETTING);
        assumeTrue(
                script != null && Files.isRegularFile(Path.of(script)),
                "skipped: set " + SETTING
                        + " to .ci/peers/oidc-peer.mjs with npm oidc-provider 9.13.3 installed beside it (npm ci --prefix .ci/peers)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("node", script, Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        OidcPeer peer = new OidcPeer(process, "http://127.0.0.1:" + port);
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    peer.lines.add(line);
                    if (line.startsWith("ready ")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // The peer stopped.
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("oidc-provider did not start: " + peer.lines);
        }
        return peer;
    }

    String issuer() {
        return issuer;
    }

    /** How many successful grants of this type the peer has answered. */
    long grants(String grantType) {
        return lines.stream()
                .filter(line -> line.startsWith("grant " + grantType + " "))
                .count();
    }

    List<String> log() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
