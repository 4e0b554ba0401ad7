package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBusProbeTest {

    @TempDir
    Path folder;

    @Test
    void findsTheSocketOfTheFirstUnixPathAddress() {
        assertThat(SessionBusProbe.socketPath("unix:path=/run/user/1000/bus")).contains(Path.of("/run/user/1000/bus"));
        assertThat(SessionBusProbe.socketPath("unix:guid=ab,path=/tmp/a%20b;tcp:host=x,port=1"))
                .contains(Path.of("/tmp/a b"));
        assertThat(SessionBusProbe.socketPath("unix:abstract=/tmp/dbus-x")).isEmpty();
        assertThat(SessionBusProbe.socketPath("tcp:host=localhost,port=1")).isEmpty();
        assertThat(SessionBusProbe.socketPath(null)).isEmpty();
    }

    @Test
    void aBusThatAnswersPassesOneThatIsSilentOrMissingDoesNot() throws Exception {
        Path socket = folder.resolve("bus");
        try (ServerSocketChannel bus = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            bus.bind(UnixDomainSocketAddress.of(socket));
            Thread answering = new Thread(() -> {
                try (SocketChannel client = bus.accept()) {
                    client.read(ByteBuffer.allocate(64));
                    client.write(ByteBuffer.wrap("REJECTED EXTERNAL\r\n".getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception ignored) {
                    // The probe is done.
                }
            });
            answering.start();
            assertThat(SessionBusProbe.problem("unix:path=" + socket, Duration.ofSeconds(30)))
                    .isEmpty();
            answering.join();

            // Accepted (the backlog) and never answered.
            Optional<String> silent = SessionBusProbe.problem("unix:path=" + socket, Duration.ofMillis(300));
            assertThat(silent).get().asString().startsWith("the D-Bus session bus did not answer within");
        }
        assertThat(SessionBusProbe.problem("unix:path=" + folder.resolve("none"), Duration.ofSeconds(1)))
                .get()
                .asString()
                .startsWith("cannot reach the D-Bus session bus at");
        assertThat(SessionBusProbe.problem("unix:abstract=/x", Duration.ofSeconds(1)))
                .isEmpty();
    }
}
