package com.authlete.toolkit.transport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A transport built from options and the environment honours the proxy and the debug log, and names bad settings. */
class EnvironmentTransportsTest {

    private static final TransportOptions DEFAULTS = TransportOptions.DEFAULTS;

    @Test
    void theProxyOfTheEnvironmentCarriesTheRequest() throws Exception {
        try (StubServer proxy = new StubServer().handler(request -> Reply.json(200, "{\"via\":\"proxy\"}"))) {
            TransportOptions insecure = new TransportOptions(null, null, null, "0", false, null, true, false);
            try (HttpTransport http = EnvironmentTransports.build(insecure, Map.of("HTTP_PROXY", proxy.url()),
                    URI.create("http://api.example.invalid"), "token-1234567890", "test/1", System.err);
                 TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null)) {
                assertThat(response.status()).isEqualTo(200);
            }
            // The host does not resolve: the answer can only have come through the proxy, which was asked for it.
            assertThat(proxy.lastRequest().target()).isEqualTo("/api/service/get/list");
            assertThat(proxy.lastRequest().header("Host")).isEqualTo("api.example.invalid");
        }
    }

    @Test
    void debugLogsTheExchangeWithTheTokenRedacted() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (StubServer api = new StubServer().handler(request -> Reply.json(200, "{}"));
             HttpTransport http = EnvironmentTransports.build(new TransportOptions(null, null, null, null, false, null, false, true), Map.of(),
                     URI.create(api.url()), "token-1234567890", "test/1", new PrintStream(log, true, StandardCharsets.UTF_8));
             TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
            response.body().readAllBytes();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("> GET ", "/x", "[REDACTED]").doesNotContain("token-1234567890");
    }

    @Test
    void badSettingsAreNamed() {
        URI api = URI.create("https://us.authlete.com");
        assertThatThrownBy(() -> EnvironmentTransports.build(new TransportOptions("soon", null, null, null, false, null, false, false),
                Map.of(), api, null, "t", System.err)).hasMessageStartingWith("--timeout expects a duration");
        assertThatThrownBy(() -> EnvironmentTransports.build(new TransportOptions(null, null, null, "-1", false, null, false, false),
                Map.of(), api, null, "t", System.err)).hasMessageStartingWith("--retry expects a number of retries");
        assertThatThrownBy(() -> EnvironmentTransports.build(new TransportOptions(null, null, null, null, false, "/nonexistent.pem", false, false),
                Map.of(), api, null, "t", System.err)).hasMessage("--ca-cert: no such file: /nonexistent.pem");
        assertThatThrownBy(() -> EnvironmentTransports.build(DEFAULTS, Map.of("SSL_CERT_FILE", "/nonexistent-bundle.pem"),
                api, null, "t", System.err)).hasMessage("SSL_CERT_FILE: no such file: /nonexistent-bundle.pem");
        assertThatThrownBy(() -> EnvironmentTransports.build(DEFAULTS, Map.of(), URI.create("http://api.example.com"), null, "t", System.err))
                .hasMessageEndingWith("(--allow-insecure-http)");
    }

    @Test
    void durationsAreReadExactlyAndBounded() {
        assertThat(Durations.parse("--wait", "1.5s").toMillis()).isEqualTo(1500);
        assertThat(Durations.parse("--wait", "2m").toSeconds()).isEqualTo(120);
        assertThat(Durations.limit("--timeout", "0")).isNull();
        assertThatThrownBy(() -> Durations.parse("--wait", "99999999999999999999h")).hasMessage("--wait must be at most 24h, got '99999999999999999999h'");
    }
}
