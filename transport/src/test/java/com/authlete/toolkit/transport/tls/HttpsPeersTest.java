package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.core.testing.TlsTestServers;
import com.authlete.toolkit.transport.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport against servers configured the ways real ones are (Node's TLS, that is OpenSSL: an implementation
 * apart from both the JDK's and Conscrypt's), under each TLS implementation the client can run: a server that
 * accepts only P-256 or only X25519 key exchange, an RSA or an ECDSA certificate, TLS 1.2 only, HTTP/2 only by
 * ALPN, and one whose answer stalls. Every case must give the same result under both. (The class-level timeout
 * only keeps a peer that never says it is ready from holding the build; nothing here is timed.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPeersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private final List<Process> peers = new ArrayList<>();

    @BeforeAll
    static void keys() throws Exception {
        TlsTestServers.selfSigned(dir.resolve("ec.p12"), dir.resolve("ec.pem"), "EC", "ip:127.0.0.1");
        TlsTestServers.selfSigned(dir.resolve("rsa.p12"), dir.resolve("rsa.pem"), "RSA", "ip:127.0.0.1");
    }

    @AfterEach
    void stopPeers() {
        peers.forEach(Process::destroy);
    }

    /** The peer with this key (ec or rsa) and options, listening; its URL. */
    private URI peer(String key, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "node", Peers.tlsPeer().toString(), dir.resolve(key + ".p12").toString(), TlsTestServers.PASSWORD));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        peers.add(process);
        String ready =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(ready).as("the peer's first line").startsWith("ready ");
        return URI.create(
                "https://127.0.0.1:" + ready.substring("ready ".length()).strip());
    }

    private static HttpTransport client(URI url, String key, String tls) throws Exception {
        return HttpTransport.builder()
                .baseUrl(url)
                .readTimeout(Duration.ofMillis(800))
                .sslContext(TrustAnchors.sslContext(null, List.of(dir.resolve(key + ".pem")), TestProviders.named(tls)))
                .build();
    }

    /** What the peer says the connection negotiated, after checking it answered the request. */
    private static JsonNode get(URI url, String key, String tls) throws Exception {
        try (HttpTransport http = client(url, key, tls);
                TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null)) {
            assertThat(response.status()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.at("/services/0/serviceName").asText()).isEqualTo("peer");
            return body.get("tls");
        }
    }

    static Stream<Arguments> servers() {
        List<Arguments> cases = new ArrayList<>();
        for (String tls : List.of("jdk", "native")) {
            cases.add(Arguments.of(tls, "ec", List.of(), "TLSv1.3"));
            cases.add(Arguments.of(tls, "rsa", List.of(), "TLSv1.3"));
            cases.add(Arguments.of(tls, "ec", List.of("--groups", "P-256"), "TLSv1.3"));
            cases.add(Arguments.of(tls, "rsa", List.of("--groups", "X25519"), "TLSv1.3"));
            cases.add(Arguments.of(tls, "ec", List.of("--tls12"), "TLSv1.2"));
            cases.add(Arguments.of(tls, "rsa", List.of("--tls12"), "TLSv1.2"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} TLS, {1} certificate, server {2}")
    @MethodSource("servers")
    void everyKindOfServerAnswersUnderEitherImplementation(
            String tls, String key, List<String> options, String protocol) throws Exception {
        JsonNode negotiated = get(peer(key, options.toArray(String[]::new)), key, tls);
        assertThat(negotiated.get("protocol").asText()).isEqualTo(protocol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "native"})
    void aServerThatSpeaksOnlyHttp2IsReachedThroughAlpn(String tls) throws Exception {
        JsonNode negotiated = get(peer("ec", "--h2"), "ec", tls);
        assertThat(negotiated.get("alpn").asText()).isEqualTo("h2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "native"})
    void anAnswerThatStallsAfterTheHandshakeHitsTheReadLimit(String tls) throws Exception {
        URI url = peer("ec", "--stall-body");
        try (HttpTransport http = client(url, "ec", tls);
                TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null);
                InputStream body = response.body()) {
            assertThatThrownBy(body::readAllBytes)
                    .isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("the server sent nothing for 800 ms (read timeout)");
        }
    }
}
