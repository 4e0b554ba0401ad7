package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.core.testing.TlsTestServers;
import com.authlete.toolkit.transport.net.EnvironmentProxySelector;
import com.authlete.toolkit.transport.retry.RetryHook;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import com.authlete.toolkit.transport.tls.TrustAnchors;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResilienceTest {

    private final List<Duration> slept = new ArrayList<>();

    private RetryHook retries(int count, boolean post) {
        return new RetryHook(count, post, slept::add, () -> 0.0, note -> {});
    }

    @Test
    void retriesRetryableStatusesHonouringRetryAfterThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StubServer stub = new StubServer().handler(request -> switch (calls.incrementAndGet()) {
                    case 1 -> new Reply(503, Map.of("Retry-After", "3"), new byte[0]);
                    case 2 -> Reply.json(429, "{}");
                    default -> Reply.json(200, "{\"ok\":true}");
                });
                HttpTransport http = HttpTransport.builder()
                        .baseUrl(URI.create(stub.url()))
                        .hook(retries(2, false))
                        .build();
                TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(stub.requests()).hasSize(3);
        }
        assertThat(slept).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(500));
    }

    @Test
    void givesUpAfterTheRetriesWithTheLastAnswer() throws Exception {
        try (StubServer stub = new StubServer().handler(request -> Reply.json(502, "{}"));
                HttpTransport http = HttpTransport.builder()
                        .baseUrl(URI.create(stub.url()))
                        .hook(retries(2, false))
                        .build()) {
            assertThatThrownBy(() -> http.send("DELETE", "/x", Map.of(), null))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(502));
            assertThat(stub.requests()).hasSize(3);
        }
        assertThat(slept).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500)); // jitter factor 0.5
    }

    @Test
    void postIsRetriedOnlyWhenAllowedAndZeroDisablesRetries() throws Exception {
        try (StubServer stub = new StubServer().handler(request -> Reply.json(503, "{}"))) {
            try (HttpTransport http = HttpTransport.builder()
                    .baseUrl(URI.create(stub.url()))
                    .hook(retries(2, false))
                    .build()) {
                assertThatThrownBy(() -> http.send("POST", "/x", Map.of(), new byte[0]))
                        .isInstanceOf(ApiException.class);
            }
            assertThat(stub.requests()).hasSize(1);
            try (HttpTransport http = HttpTransport.builder()
                    .baseUrl(URI.create(stub.url()))
                    .hook(retries(2, true))
                    .build()) {
                assertThatThrownBy(() -> http.send("POST", "/x", Map.of(), new byte[0]))
                        .isInstanceOf(ApiException.class);
            }
            assertThat(stub.requests()).hasSize(4);
            try (HttpTransport http = HttpTransport.builder()
                    .baseUrl(URI.create(stub.url()))
                    .hook(retries(0, true))
                    .build()) {
                assertThatThrownBy(() -> http.send("GET", "/x", Map.of(), null)).isInstanceOf(ApiException.class);
            }
            assertThat(stub.requests()).hasSize(5);
        }
    }

    /** POST with retries allowed: the JDK client itself quietly retries an idempotent GET once after a reset. */
    @Test
    void aResetConnectionIsRetried() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread thread = new Thread(() -> {
                try {
                    try (Socket first = server.accept()) {
                        first.getInputStream().read(new byte[4096]); // the request arrives...
                        first.setSoLinger(true, 0); // ...and the connection is reset without an answer
                    }
                    try (Socket second = server.accept()) {
                        second.getInputStream().read(new byte[4096]);
                        second.getOutputStream()
                                .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                                        .getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (Exception ignored) {
                    // The client side asserts the outcome.
                }
            });
            thread.start();
            try (HttpTransport http = HttpTransport.builder()
                            .baseUrl(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                            .hook(retries(2, true))
                            .build();
                    TransportResponse response = http.send("POST", "/x", Map.of(), new byte[0])) {
                assertThat(response.status()).isEqualTo(200);
            }
            thread.join(5000);
        }
        assertThat(slept).hasSize(1);
    }

    @Test
    void retryAfterAcceptsHttpDatesAndIsCapped() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(RetryHookAccess.retryAfter("Mon, 23 Nov 2026 10:00:07 GMT", now))
                .contains(Duration.ofSeconds(7));
        assertThat(RetryHookAccess.retryAfter("3600", now)).contains(RetryHook.MAX_RETRY_AFTER);
        assertThat(RetryHookAccess.retryAfter("soon", now)).isEmpty();
    }

    @Test
    void aBodyThatStallsHitsTheWholeRequestTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread thread = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream()
                            .write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"a\":"
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(5000);
                } catch (Exception ignored) {
                    // The client gives up first.
                }
            });
            thread.setDaemon(true);
            thread.start();
            try (HttpTransport http = HttpTransport.builder()
                            .baseUrl(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                            .requestTimeout(Duration.ofMillis(400))
                            .build();
                    TransportResponse response = http.send("GET", "/x", Map.of(), null);
                    InputStream body = response.body()) {
                long started = System.nanoTime();
                assertThatThrownBy(body::readAllBytes)
                        .isInstanceOf(HttpTimeoutException.class)
                        .hasMessageContaining("timed out");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            }
        }
    }

    /** A body that trickles in keeps the idle limit from firing; one that stops for longer than it ends the read. */
    @Test
    void theReadTimeoutIsAboutSilenceNotAboutTotalTime() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread thread = new Thread(() -> {
                for (int connection = 0; connection < 2; connection++) {
                    try (Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[4096]);
                        var out = socket.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        for (int i = 0; i < 12; i++) {
                            Thread.sleep(connection == 0 ? 100 : 1500); // the first answer trickles, the second stalls
                            out.write('x');
                            out.flush();
                        }
                    } catch (Exception ignored) {
                        // The client gives up on the second.
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
            try (HttpTransport http = HttpTransport.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                    .readTimeout(Duration.ofMillis(500))
                    .build()) {
                try (TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
                    assertThat(response.body().readAllBytes())
                            .as("1.2 s in all, never 0.5 s silent")
                            .hasSize(12);
                }
                try (TransportResponse response = http.send("GET", "/x", Map.of(), null);
                        InputStream body = response.body()) {
                    long started = System.nanoTime();
                    assertThatThrownBy(body::readAllBytes)
                            .isInstanceOf(HttpTimeoutException.class)
                            .hasMessageContaining("the server sent nothing for 500 ms (read timeout)");
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
                }
            }
        }
    }

    @Test
    void limitsHaveDefaultsAndZeroMeansNone() {
        assertThat(HttpTransport.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(HttpTransport.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void plainHttpIsOnlyForLoopbackUnlessAllowed() {
        assertThatThrownBy(() -> HttpTransport.builder()
                        .baseUrl(URI.create("http://api.example.com"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http to api.example.com");
        HttpTransport.builder()
                .baseUrl(URI.create("http://api.example.com"))
                .allowInsecureHttp(true)
                .build()
                .close();
        for (String host : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "[::1]"}) {
            HttpTransport.builder()
                    .baseUrl(URI.create("http://" + host + ":4010"))
                    .build()
                    .close();
        }
        for (String host : new String[] {
            "127.0.0.1.nip.io",
            "127.x.attacker.example",
            "evil.localhost",
            "localhost.attacker.example",
            "[::ffff:8.8.8.8]",
            "0.0.0.0",
            "10.0.0.1"
        }) {
            assertThatThrownBy(() -> HttpTransport.builder()
                            .baseUrl(URI.create("http://" + host + ":4010"))
                            .build())
                    .as(host)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refusing plain http");
        }
    }

    @Test
    void proxiesComeFromTheEnvironmentWithNoProxyExceptions() throws Exception {
        EnvironmentProxySelector selector = EnvironmentProxySelector.fromEnvironment(Map.of(
                "HTTPS_PROXY",
                "http://proxy.corp:3128",
                "http_proxy",
                "proxy.local:8080",
                "NO_PROXY",
                "internal.corp, .svc,10.0.0.1"));
        assertThat(selector.select(URI.create("https://us.authlete.com/x"))
                        .get(0)
                        .address()
                        .toString())
                .isEqualTo("proxy.corp/<unresolved>:3128");
        assertThat(selector.select(URI.create("http://a.example/x"))
                        .get(0)
                        .address()
                        .toString())
                .isEqualTo("proxy.local/<unresolved>:8080");
        assertThat(selector.select(URI.create("https://api.internal.corp/x")).get(0))
                .isEqualTo(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://x.svc/x")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("http://10.0.0.1/x")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(EnvironmentProxySelector.fromEnvironment(Map.of()).isEmpty()).isTrue();
        assertThatThrownBy(() -> EnvironmentProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "http://")))
                .hasMessageContaining("HTTPS_PROXY");
    }

    @Test
    void loopbackNeverGoesThroughAProxy() {
        EnvironmentProxySelector selector = EnvironmentProxySelector.fromEnvironment(
                Map.of("HTTP_PROXY", "http://proxy.corp:3128", "HTTPS_PROXY", "http://proxy.corp:3128"));
        for (String url : List.of(
                "http://127.0.0.1:4010/x",
                "http://127.1.2.3/x",
                "http://localhost:8080/x",
                "http://LOCALHOST/x",
                "https://api.localhost/x",
                "http://[::1]:9/x",
                "http://[0:0:0:0:0:0:0:1]/x")) {
            assertThat(selector.select(URI.create(url)).get(0)).as(url).isEqualTo(Proxy.NO_PROXY);
        }
        // Names that only look like loopback are not resolved, and go through the proxy as any other host.
        for (String url : List.of(
                "http://127.0.0.1.nip.io/x", "http://localhost.example.com/x", "http://10.0.0.1/x", "http://[::2]/x")) {
            assertThat(selector.select(URI.create(url)).get(0)).as(url).isNotEqualTo(Proxy.NO_PROXY);
        }
    }

    @Test
    void aTokenForAServerOnThisMachineNeverReachesAProxy() throws Exception {
        try (StubServer proxy = new StubServer().handler(request -> Reply.json(200, "{\"via\":\"proxy\"}"));
                StubServer api = new StubServer().handler(request -> Reply.json(200, "{\"via\":\"api\"}"))) {
            ConnectionSettings settings = EnvironmentTransports.withEnvironment(
                    ConnectionSettings.of(URI.create(api.url()), "test/1"), Map.of("HTTP_PROXY", proxy.url()));
            try (HttpTransport http = EnvironmentTransports.build(settings, "loopback-token-1234567890");
                    TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null)) {
                assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"via\":\"api\"}");
            }
            assertThat(proxy.requests()).isEmpty();
            assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer loopback-token-1234567890");
        }
    }

    @Test
    void requestsGoThroughTheProxy() throws Exception {
        try (StubServer proxy = new StubServer().handler(request -> Reply.json(200, "{\"via\":\"proxy\"}"))) {
            EnvironmentProxySelector selector =
                    EnvironmentProxySelector.fromEnvironment(Map.of("HTTP_PROXY", proxy.url()));
            try (HttpTransport http = HttpTransport.builder()
                            .baseUrl(URI.create("http://api.example.invalid:1234"))
                            .allowInsecureHttp(true)
                            .proxySelector(selector)
                            .build();
                    TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null)) {
                assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"via\":\"proxy\"}");
            }
            assertThat(proxy.lastRequest().header("Host")).isEqualTo("api.example.invalid:1234");
        }
    }

    @Test
    void aPrivateCaIsTrustedOnlyWhenGiven(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("ca.pem");
        TlsTestServers.selfSigned(keystore, pem, "EC", "ip:127.0.0.1,dns:localhost");
        HttpsServer server = TlsTestServers.serve(keystore, "{\"tls\":true}");
        try {
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
            try (HttpTransport http = HttpTransport.builder().baseUrl(url).build()) {
                assertThatThrownBy(() -> http.send("GET", "/x", Map.of(), null))
                        .isInstanceOfSatisfying(
                                NetworkException.class,
                                e -> assertThat(e.getMessage()).startsWith("TLS failure"));
            }
            try (HttpTransport http = HttpTransport.builder()
                            .baseUrl(url)
                            .sslContext(TrustAnchors.sslContext(null, List.of(pem)))
                            .build();
                    TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
                assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"tls\":true}");
            }
            try (HttpTransport http = HttpTransport.builder()
                            .baseUrl(url)
                            .sslContext(TrustAnchors.sslContext(pem, List.of()))
                            .build();
                    TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
                assertThat(response.status()).isEqualTo(200);
            }
        } finally {
            server.stop(0);
        }
    }
}
