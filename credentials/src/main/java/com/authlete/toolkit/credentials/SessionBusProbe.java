package com.authlete.toolkit.credentials;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the D-Bus session bus answers at all, asked before the keyring library touches it: a bus that accepts
 * connections and never answers would hold that library (and, through the shutdown hook it registers, even the
 * JVM's exit) for ever. The bus is asked to list its authentication mechanisms, which any bus does at once without
 * knowing who asks.
 */
final class SessionBusProbe {

    private SessionBusProbe() {}

    /**
     * Why the bus at {@code address} cannot be used, or empty when it answered (or is of a kind this probe cannot
     * reach, such as an abstract socket: the library's own time limits apply then).
     */
    static Optional<String> problem(String address, Duration limit) {
        Optional<Path> socket = socketPath(address);
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket.get()));
            channel.write(ByteBuffer.wrap("\0AUTH\r\n".getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            if (selector.select(Math.max(1, limit.toMillis())) == 0) {
                return Optional.of("the D-Bus session bus did not answer within " + limit.toSeconds() + " s");
            }
            if (channel.read(ByteBuffer.allocate(256)) < 0) {
                return Optional.of("the D-Bus session bus closed the connection");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot reach the D-Bus session bus at " + socket.get() + " (" + e.getMessage() + ")");
        }
    }

    /** The socket file of the first {@code unix:path=} address in a D-Bus address list. */
    static Optional<Path> socketPath(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String first = address.split(";", -1)[0].strip();
        if (!first.startsWith("unix:")) {
            return Optional.empty();
        }
        for (String pair : first.substring("unix:".length()).split(",")) {
            if (pair.startsWith("path=")) {
                return Optional.of(
                        Path.of(URLDecoder.decode(pair.substring("path=".length()), StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }
}
