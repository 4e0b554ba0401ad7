package com.authlete.toolkit.transport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.core.exchange.ExchangeProvider;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.transport.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A transport built from typed settings and the environment honours the proxy and the debug log, and names bad settings. */
class EnvironmentTransportsTest {

    private static ConnectionSettings settings(String url) {
        return ConnectionSettings.of(URI.create(url), "test/1");
    }

    @Test
    void theProxyOfTheEnvironmentCarriesTheRequest() throws Exception {
        try (StubServer proxy = new StubServer().handler(request -> Reply.json(200, "{\"via\":\"proxy\"}"))) {
            ConnectionSettings insecure = new ConnectionSettings(
                    URI.create("http://api.example.invalid"),
                    "test/1",
                    null,
                    null,
                    null,
                    0,
                    false,
                    null,
                    null,
                    null,
                    true,
                    null);
            try (HttpTransport http = EnvironmentTransports.build(
                            EnvironmentTransports.withEnvironment(insecure, Map.of("HTTP_PROXY", proxy.url())),
                            "token-1234567890");
                    TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null)) {
                assertThat(response.status()).isEqualTo(200);
            }
            // The host does not resolve: the answer can only have come through the proxy, which was asked for it.
            assertThat(proxy.lastRequest().target()).isEqualTo("/api/service/get/list");
            assertThat(proxy.lastRequest().header("Host")).isEqualTo("api.example.invalid");
        }
    }

    @Test
    void theProviderFoundOnTheClassPathIsThisOne() {
        assertThat(ServiceLoader.load(ExchangeProvider.class).findFirst())
                .get()
                .isInstanceOf(EnvironmentTransports.class);
    }

    @Test
    void debugLogsTheExchangeWithTheTokenRedacted() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (StubServer api = new StubServer().handler(request -> Reply.json(200, "{}"))) {
            ConnectionSettings debug = new ConnectionSettings(
                    URI.create(api.url()),
                    "test/1",
                    null,
                    null,
                    null,
                    0,
                    false,
                    null,
                    null,
                    null,
                    false,
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            try (HttpTransport http = EnvironmentTransports.build(debug, "token-1234567890");
                    TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
                response.body().readAllBytes();
            }
        }
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("> GET ", "/x", "[REDACTED]")
                .doesNotContain("token-1234567890");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> EnvironmentTransports.withEnvironment(
                        settings("https://us.authlete.com"), Map.of("SSL_CERT_FILE", "/nonexistent-bundle.pem")))
                .hasMessage("SSL_CERT_FILE: no such file: /nonexistent-bundle.pem");
        assertThatThrownBy(() -> EnvironmentTransports.build(settings("http://api.example.com"), null))
                .hasMessageContaining("refusing plain http to api.example.com")
                .hasMessageNotContaining("--");
        assertThatThrownBy(() -> ConnectionSettings.of(URI.create("https://us.authlete.com"), "t")
                        .withBaseUrl(null))
                .isInstanceOf(NullPointerException.class);
    }
}
