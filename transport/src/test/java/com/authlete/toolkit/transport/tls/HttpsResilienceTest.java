package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.testing.TlsTestServers;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.NetworkException;
import com.authlete.toolkit.transport.net.EnvironmentProxySelector;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS when things are not simple, under each TLS implementation. Servers that break the handshake: one that
 * accepts the connection and never answers the ClientHello, one that answers it with plain HTTP, one that hangs up
 * on it; each ends in a {@link NetworkException} with one clear message, the same under both, and none holds the
 * command forever (the class-level timeout only guards against a hang; it is not what the test measures). And a
 * server reached through an HTTP proxy's CONNECT tunnel, by a name only the proxy can resolve: its certificate is
 * checked against that name, not the proxy's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsResilienceTest {

    /** Accepts connections and does this with each, on a daemon thread, until the socket closes. */
    private static ServerSocket server(SocketBehaviour behaviour) throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    behaviour.handle(socket);
                } catch (IOException | InterruptedException ignored) {
                    // The client gave up or the test is over.
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private interface SocketBehaviour {
        void handle(Socket socket) throws IOException, InterruptedException;
    }

    /** The failure under each implementation, after checking they say the same (but for the port). */
    private static NetworkException failure(SocketBehaviour behaviour) throws Exception {
        NetworkException first = null;
        for (String tls : List.of("jdk", "native")) {
            try (ServerSocket server = server(behaviour)) {
                NetworkException e = failure(server, tls);
                if (first != null) {
                    assertThat(withoutPort(e)).as(tls + " as jdk").isEqualTo(withoutPort(first));
                    assertThat(e.isTimeout()).isEqualTo(first.isTimeout());
                }
                first = e;
            }
        }
        return first;
    }

    private static String withoutPort(NetworkException e) {
        return e.getMessage().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    private static NetworkException failure(ServerSocket server, String tls) throws Exception {
        URI url = URI.create("https://127.0.0.1:" + server.getLocalPort());
        try (HttpTransport http = HttpTransport.builder()
                .baseUrl(url)
                .connectTimeout(Duration.ofMillis(700))
                .readTimeout(Duration.ofMillis(700))
                .requestTimeout(Duration.ofSeconds(5))
                .sslContext(TrustAnchors.sslContext(null, List.of(), TestProviders.named(tls)))
                .build()) {
            Throwable thrown = catchThrowable(() -> http.send("GET", "/api/service/get/list", Map.of(), null));
            assertThat(thrown).isInstanceOf(NetworkException.class);
            return (NetworkException) thrown;
        }
    }

    @Test
    void aServerSilentAfterTheClientHelloTimesOut() throws Exception {
        CountDownLatch over = new CountDownLatch(1);
        try {
            NetworkException e = failure(socket -> {
                socket.getInputStream().read(new byte[4096]);
                over.await();
            });
            assertThat(e.isTimeout()).as(e.getMessage()).isTrue();
            assertThat(e.getMessage()).contains("timed out");
        } finally {
            over.countDown();
        }
    }

    @Test
    void plainHttpOnTheHttpsPortIsSaidToBeSo() throws Exception {
        NetworkException e = failure(socket -> {
            socket.getInputStream().read(new byte[4096]);
            socket.getOutputStream()
                    .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        });
        assertThat(e.isTimeout()).isFalse();
        assertThat(e.getMessage())
                .startsWith("TLS failure: the server did not answer in TLS: is it plain http on this port?")
                .doesNotContain("\n");
    }

    @Test
    void aServerThatHangsUpOnTheClientHelloIsSaidToBeSo() throws Exception {
        NetworkException e = failure(socket -> {
            InputStream in = socket.getInputStream();
            in.read(new byte[4096]);
        });
        assertThat(e.isTimeout()).isFalse();
        assertThat(e.getMessage())
                .startsWith("TLS failure: Remote host terminated the handshake")
                .doesNotContain("\n");
    }

    /**
     * A CONNECT proxy that sends every tunnel to this loopback port, whatever host it names, and records the
     * CONNECT lines: the name in the URL exists only for the proxy, as for a client behind a corporate proxy.
     */
    private static ServerSocket connectProxy(int target, List<String> connects) throws IOException {
        return server(socket -> {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            connects.add(in.readLine());
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // The request's headers: nothing in them is needed.
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                socket.getOutputStream()
                        .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread back = new Thread(() -> {
                    try {
                        upstream.getInputStream().transferTo(socket.getOutputStream());
                    } catch (IOException ignored) {
                        // Either side closed.
                    }
                });
                back.setDaemon(true);
                back.start();
                socket.getInputStream().transferTo(upstream.getOutputStream());
                back.join(5000);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "native"})
    void throughAProxysTunnelTheServersNameIsCheckedAgainstItsCertificate(String tls, @TempDir Path dir)
            throws Exception {
        Path store = dir.resolve("api.p12");
        Path pem = dir.resolve("api.pem");
        TlsTestServers.selfSigned(store, pem, "EC", "dns:api.example.invalid");
        HttpsServer api = TlsTestServers.serve(store, "{\"via\":\"tunnel\"}");
        List<String> connects = new CopyOnWriteArrayList<>();
        try (ServerSocket proxy = connectProxy(api.getAddress().getPort(), connects)) {
            ProxySelector selector = EnvironmentProxySelector.fromEnvironment(
                    Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.getLocalPort()));
            for (String host : List.of("api.example.invalid", "other.example.invalid")) {
                HttpTransport http = HttpTransport.builder()
                        .baseUrl(URI.create("https://" + host + ":443"))
                        .proxySelector(selector)
                        .sslContext(TrustAnchors.sslContext(null, List.of(pem), TestProviders.named(tls)))
                        .build();
                try (http) {
                    if (host.startsWith("api.")) {
                        try (TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
                            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                                    .isEqualTo("{\"via\":\"tunnel\"}");
                        }
                    } else {
                        assertThat(catchThrowable(() -> http.send("GET", "/x", Map.of(), null)))
                                .isInstanceOf(NetworkException.class)
                                .hasMessageStartingWith(
                                        "TLS failure: the server's certificate is not for other.example.invalid");
                    }
                }
            }
            assertThat(connects)
                    .containsExactly(
                            "CONNECT api.example.invalid:443 HTTP/1.1", "CONNECT other.example.invalid:443 HTTP/1.1");
        } finally {
            api.stop(0);
        }
    }

    /**
     * Not only the HTTP client's engine: a plain TLS socket asking for HTTPS endpoint identification gets the same
     * host check from the same trust managers, under either implementation.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jdk", "native"})
    void aTlsSocketGetsTheSameHostCheck(String tls, @TempDir Path dir) throws Exception {
        Path store = dir.resolve("api.p12");
        Path pem = dir.resolve("api.pem");
        TlsTestServers.selfSigned(store, pem, "EC", "dns:localhost");
        HttpsServer api = TlsTestServers.serve(store, "{}");
        try {
            SSLContext context = TrustAnchors.sslContext(null, List.of(pem), TestProviders.named(tls));
            int port = api.getAddress().getPort();
            try (SSLSocket socket = httpsSocket(context, "localhost", port)) {
                socket.startHandshake();
                assertThat(socket.getSession().getPeerCertificates()).isNotEmpty();
            }
            try (SSLSocket socket = httpsSocket(context, "127.0.0.1", port)) {
                assertThat(catchThrowable(socket::startHandshake))
                        .isInstanceOf(SSLException.class)
                        .satisfies(e -> assertThat(causes(e)).anyMatch(HostMismatchException.class::isInstance));
            }
        } finally {
            api.stop(0);
        }
    }

    /** A TLS socket to this host that asks for HTTPS endpoint identification, as an HTTPS client would. */
    private static SSLSocket httpsSocket(SSLContext context, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
