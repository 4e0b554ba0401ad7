package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.transport.debug.DebugLogHook;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private StubServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpTransport.Builder transport() {
        return HttpTransport.builder().baseUrl(URI.create(stub.url())).bearer("tok-123");
    }

    /**
     * On every JDK the client's selector thread is gone once the transport is closed: the JVM would wait up to
     * 300 ms at exit for it. (JDK 17-20 need the package opened, as the launcher and this module's tests do.)
     */
    @Test
    void closingStopsTheSelectorThread() throws Exception {
        stub.handler(request -> Reply.json(200, "{}"));
        Set<Thread> before = selectorThreads();
        Set<Thread> ours = new HashSet<>();
        try (HttpTransport http = transport().build();
                TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
            response.body().readAllBytes();
            ours.addAll(selectorThreads());
            ours.removeAll(before);
            assertThat(ours).hasSize(1);
        }
        Thread selector = ours.iterator().next();
        selector.join(2000);
        assertThat(selector.isAlive()).as("selector thread after close").isFalse();
    }

    private static Set<Thread> selectorThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().endsWith("SelectorManager"));
        return threads;
    }

    @Test
    void sendsBearerAndBodyAndStreamsTheResponse() throws Exception {
        stub.handler(request -> Reply.json(200, "{\"n\":123456789012345678901234567890,\"f\":1.10}"));
        try (HttpTransport http = transport().build();
                TransportResponse response = http.send(
                        "POST",
                        "/api/1/client/create?x=1",
                        Map.of("Content-Type", "application/json"),
                        "{\"a\":1}".getBytes(StandardCharsets.UTF_8))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("content-type")).contains("application/json");
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"n\":123456789012345678901234567890,\"f\":1.10}");
        }
        StubServer.Recorded recorded = stub.lastRequest();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.target()).isEqualTo("/api/1/client/create?x=1");
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(recorded.header("Content-Type")).isEqualTo("application/json");
        assertThat(recorded.header("User-Agent")).startsWith("authlete-toolkit");
        assertThat(recorded.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void errorStatusesBecomeApiExceptionsWithTheApiResult() {
        stub.handler(request -> Reply.json(
                404, "{\"resultCode\":\"A001202\",\"resultMessage\":\"[A001202] /client/get, Client not found.\"}"));
        try (HttpTransport http = transport().build()) {
            assertThatThrownBy(() -> http.send("GET", "/api/1/client/get/2", Map.of(), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.resultCode()).contains("A001202");
                        assertThat(e.resultMessage()).contains("[A001202] /client/get, Client not found.");
                        assertThat(e.getMessage()).isEqualTo("[A001202] /client/get, Client not found. (HTTP 404)");
                    });
        }
    }

    @Test
    void nonJsonErrorBodiesStillGiveTheStatus() {
        stub.handler(request -> new Reply(502, Map.of("Content-Type", "text/html"), "<html>bad</html>".getBytes()));
        try (HttpTransport http = transport().build()) {
            assertThatThrownBy(() -> http.send("GET", "/x", Map.of(), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.resultCode()).isEmpty();
                        assertThat(e.getMessage()).isEqualTo("the API answered HTTP 502 Bad Gateway");
                        assertThat(e.body()).isEqualTo("<html>bad</html>");
                    });
        }
    }

    @Test
    void hooksRunOutermostFirstAndMayChangeTheRequestAndRetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        stub.handler(
                request -> calls.incrementAndGet() == 1 ? Reply.json(503, "{}") : Reply.json(200, "{\"ok\":true}"));
        List<String> order = new ArrayList<>();
        ExchangeHook outer = chain -> {
            order.add("outer");
            return chain.proceed(chain.request().withHeader("X-Trace", "abc"));
        };
        ExchangeHook retryOnce = chain -> {
            order.add("retry");
            TransportResponse first = chain.proceed(chain.request());
            if (first.status() != 503) {
                return first;
            }
            first.close();
            return chain.proceed(chain.request());
        };
        try (HttpTransport http = transport().hook(outer).hook(retryOnce).build();
                TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
            assertThat(response.status()).isEqualTo(200);
        }
        assertThat(order).containsExactly("outer", "retry");
        assertThat(stub.requests())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("X-Trace")).isEqualTo("abc"));
    }

    @Test
    void aNoContentAnswerThatAnnouncesABodyIsStillASuccessWithNoBody() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // Read the request head.
                    }
                    socket.getOutputStream()
                            .write(("HTTP/1.1 204 No Content\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}")
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // The test fails on the client side if the answer is not sent.
                }
            });
            answer.start();
            try (HttpTransport http = HttpTransport.builder()
                            .baseUrl(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                            .build();
                    TransportResponse response = http.send("DELETE", "/api/1/hsk/delete/h", Map.of(), null)) {
                assertThat(response.status()).isEqualTo(204);
                assertThat(response.body().readAllBytes()).isEmpty();
            }
            answer.join(5000);
        }
    }

    @Test
    void aRefusedConnectionIsANetworkException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HttpTransport http = HttpTransport.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + closedPort))
                .build()) {
            assertThatThrownBy(() -> http.send("GET", "/x", Map.of(), null))
                    .isInstanceOfSatisfying(NetworkException.class, e -> {
                        assertThat(e.isTimeout()).isFalse();
                        assertThat(e.getMessage()).contains("cannot connect").contains("127.0.0.1:" + closedPort);
                    });
        }
    }

    @Test
    void aSlowServerHitsTheRequestTimeout() {
        stub.handler(request -> {
            Thread.sleep(3000);
            return Reply.json(200, "{}");
        });
        try (HttpTransport http =
                transport().requestTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> http.send("GET", "/slow", Map.of(), null))
                    .isInstanceOfSatisfying(
                            NetworkException.class,
                            e -> assertThat(e.isTimeout()).isTrue());
        }
    }

    @Test
    void debugLogShowsTheExchangeWithCredentialsRedacted() throws Exception {
        stub.handler(request ->
                new Reply(200, Map.of("Content-Type", "application/json", "Set-Cookie", "s=1"), "{}".getBytes()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (HttpTransport http = transport()
                        .hook(new DebugLogHook(new PrintStream(log, true, StandardCharsets.UTF_8)))
                        .build();
                TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null);
                InputStream body = response.body()) {
            body.readAllBytes();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("> GET " + stub.url() + "/api/service/get/list")
                .contains("> Authorization: [REDACTED]")
                .contains("< HTTP 200")
                .containsIgnoringCase("set-cookie: [REDACTED]")
                .doesNotContain("tok-123");
    }
}
