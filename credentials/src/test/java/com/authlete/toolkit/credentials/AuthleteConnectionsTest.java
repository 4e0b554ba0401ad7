package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.transport.setup.TransportOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection every front end uses: server, token and transport found as the CLI finds them. */
class AuthleteConnectionsTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void theProfilesServerAndTokenCarryTheCall() throws Exception {
        try (StubServer api = new StubServer().handler(request -> StubServer.Reply.json(200, "{\"serviceName\":\"s\"}"))) {
            Map<String, String> env = environment();
            new ConfigFile(home.resolve("authlete/config.yaml")).update("ci",
                    Map.of("server-url", api.url(), "token", "profile-token-123456"), true);

            try (AuthleteClient client = AuthleteConnections.fromEnvironment(Settings.load(Map.of(), env, home), env,
                    TransportOptions.DEFAULTS, null, "test/1", new PrintStream(log, true, StandardCharsets.UTF_8))) {
                JsonNode service = client.call("service get", Map.of("serviceId", "42"));
                assertThat(service.path("serviceName").asText()).isEqualTo("s");
            }
            assertThat(api.lastRequest().target()).isEqualTo("/api/42/service/get");
            assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer profile-token-123456");
            assertThat(api.lastRequest().header("User-Agent")).startsWith("test/1");
        }
    }

    @Test
    void theFlagOutranksTheEnvironmentAndTheDebugLogIsRedacted() throws Exception {
        try (StubServer api = new StubServer()) {
            Map<String, String> env = environment();
            env.put("AUTHLETE_BEARER", "env-token-1234567890");
            env.put("AUTHLETE_SERVER_URL", api.url());
            TransportOptions debug = new TransportOptions(null, null, null, null, false, null, false, true);

            try (AuthleteClient client = AuthleteConnections.fromEnvironment(Settings.load(Map.of(), env, home), env, debug,
                    "flag-token-1234567890", "test/1", new PrintStream(log, true, StandardCharsets.UTF_8))) {
                client.call("service list", Map.of());
            }
            assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer flag-token-1234567890");
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("> GET http://127.0.0.1:" + api.port() + "/api/service/get/list").contains("Authorization: [REDACTED]").doesNotContain("flag-token-1234567890");
        }
    }

    @Test
    void noTokenAndBadSettingsAreNamed() throws Exception {
        Map<String, String> env = environment();
        env.put("AUTHLETE_SERVER_URL", "http://127.0.0.1:9");
        assertThatThrownBy(() -> AuthleteConnections.fromEnvironment(Settings.load(Map.of(), env, home), env,
                TransportOptions.DEFAULTS, null, "test/1", System.err))
                .isInstanceOf(MissingTokenException.class).hasMessageContaining("AUTHLETE_BEARER");

        env.put("AUTHLETE_SERVER", "mars");
        assertThatThrownBy(() -> AuthleteConnections.fromEnvironment(Settings.load(Map.of(), env, home), env,
                TransportOptions.DEFAULTS, "t-1234567890", "test/1", System.err))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--server expects 0 or us");

        env.remove("AUTHLETE_SERVER");
        env.put("AUTHLETE_PROFILE", "nowhere");
        assertThatThrownBy(() -> AuthleteConnections.fromEnvironment(Settings.load(Map.of(), env, home), env,
                TransportOptions.DEFAULTS, "t-1234567890", "test/1", System.err))
                .isInstanceOf(UnknownProfileException.class).hasMessageContaining("nowhere");
    }

    private Map<String, String> environment() {
        // No keychain: the test must not touch the machine's.
        return new HashMap<>(Map.of("XDG_CONFIG_HOME", home.toString(), "AUTHLETE_KEYCHAIN", "none"));
    }
}
