package com.authlete.toolkit.credentials.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.credentials.ConfigFile;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.Keychain;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login service any front end uses: grant choice, default scopes, what is stored and where the secret came from. */
class OAuthLoginsTest {

    private final StubServer server;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private final Map<String, String> keychain = new HashMap<>();

    @TempDir
    Path directory;

    OAuthLoginsTest() throws Exception {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveProvider(String scopesSupported) {
        server.handler(request -> switch (request.target()) {
            case "/.well-known/openid-configuration" ->
                Reply.json(
                        200,
                        "{\"issuer\":\"" + server.url() + "\",\"token_endpoint\":\""
                                + server.url() + "/token\",\"device_authorization_endpoint\":\"" + server.url()
                                + "/device\","
                                + "\"scopes_supported\":" + scopesSupported + "}");
            case "/device" ->
                Reply.json(
                        200,
                        "{\"device_code\":\"dc\",\"user_code\":\"WXYZ-1234\",\"verification_uri\":\"" + server.url()
                                + "/activate\",\"expires_in\":600,\"interval\":1}");
            default ->
                Reply.json(
                        200,
                        "{\"access_token\":\"issued-access-token-123456\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        });
    }

    private CredentialStore store(boolean withKeychain) {
        Keychain chain = new Keychain() {
            @Override
            public Optional<String> read(String profile) throws Unavailable {
                available();
                return Optional.ofNullable(keychain.get(profile));
            }

            @Override
            public void store(String profile, String token) throws Unavailable {
                available();
                keychain.put(profile, token);
            }

            @Override
            public void delete(String profile) throws Unavailable {
                available();
                keychain.remove(profile);
            }

            private void available() throws Unavailable {
                if (!withKeychain) {
                    throw new Unavailable("no keychain in this test", null);
                }
            }
        };
        return new CredentialStore(new ConfigFile(directory.resolve("config.yaml")), chain);
    }

    private OAuthLogins logins() {
        return new OAuthLogins(TransportFactory.plain("test"), clock);
    }

    private static final OAuthLogins.Prompts NO_PROMPTS = new OAuthLogins.Prompts() {
        @Override
        public void deviceCode(DeviceFlow.Authorization authorization, ServerMetadata server, String clientId) {
            throw new AssertionError("no device code expected");
        }

        @Override
        public void browserAddress(URI address, Duration wait) {
            throw new AssertionError("no browser expected");
        }
    };

    @Test
    void clientCredentialsStoreTheGrantAndKeepATypedSecretInTheKeychain() throws Exception {
        serveProvider("[\"openid\",\"offline_access\"]");
        CredentialStore store = store(true);
        OAuthLogins.Result result = logins().login(
                        new OAuthLogins.Request(
                                OAuthLogins.Grant.CLIENT_CREDENTIALS,
                                server.url(),
                                "ci-bot",
                                null,
                                new ClientSecret(" piped-secret \n", ClientSecret.Origin.STDIN, null),
                                ClientAuthentication.Method.CLIENT_SECRET_POST,
                                null),
                        store,
                        "ci",
                        NO_PROMPTS);

        // No scope by default for a client (the person's default scopes are not asked for); the secret in the form.
        assertThat(server.lastRequest().body())
                .contains("grant_type=client_credentials", "client_secret=piped-secret")
                .doesNotContain("scope=");
        assertThat(result.secretKept()).isTrue();
        assertThat(keychain).containsEntry("ci#client-secret", "piped-secret");
        OAuthGrant stored = OAuthGrant.fromJson(keychain.get("ci"));
        assertThat(stored.grantType()).isEqualTo("client_credentials");
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(result.grant().toString()).doesNotContain("issued-access-token-123456");
    }

    @Test
    void aSecretFromAFileOrTheEnvironmentIsReadAgainNotKept() throws Exception {
        serveProvider("[]");
        Path file = Files.writeString(directory.resolve("secret"), "file-secret");
        OAuthLogins.Result fromFile = logins().login(
                        new OAuthLogins.Request(
                                OAuthLogins.Grant.CLIENT_CREDENTIALS,
                                server.url(),
                                "ci-bot",
                                "api",
                                new ClientSecret("file-secret", ClientSecret.Origin.FILE, file),
                                null,
                                null),
                        store(true),
                        "ci",
                        NO_PROMPTS);
        assertThat(fromFile.grant().toJson()).contains(file.toAbsolutePath().toString());
        assertThat(server.lastRequest().body()).contains("scope=api");
        assertThat(server.lastRequest().header("Authorization")).startsWith("Basic ");
        assertThat(keychain).doesNotContainKey("ci#client-secret");

        // Typed in with no keychain: stored in the file, and the caller is told the secret could not be kept.
        OAuthLogins.Result noKeychain = logins().login(
                        new OAuthLogins.Request(
                                OAuthLogins.Grant.CLIENT_CREDENTIALS,
                                server.url(),
                                "ci-bot",
                                null,
                                new ClientSecret("typed", ClientSecret.Origin.ARGUMENT, null),
                                null,
                                null),
                        store(false),
                        "ci",
                        NO_PROMPTS);
        assertThat(noKeychain.secretKept()).isFalse();
        assertThat(noKeychain.stored().where()).contains("config.yaml");
    }

    @Test
    void aPersonsLoginAsksForTheDefaultScopesAndShowsTheCode() throws Exception {
        serveProvider("[\"openid\",\"offline_access\",\"profile\"]");
        List<String> shown = new ArrayList<>();
        logins().login(
                        new OAuthLogins.Request(
                                OAuthLogins.Grant.DEVICE,
                                server.url(),
                                "cli-app",
                                null,
                                null,
                                null,
                                Duration.ofSeconds(30)),
                        store(true),
                        "me",
                        new OAuthLogins.Prompts() {
                            @Override
                            public void deviceCode(
                                    DeviceFlow.Authorization authorization, ServerMetadata metadata, String clientId) {
                                shown.add(authorization.userCode() + " for " + clientId + " at " + metadata.issuer());
                            }

                            @Override
                            public void browserAddress(URI address, Duration wait) {
                                throw new AssertionError();
                            }
                        });
        assertThat(shown).containsExactly("WXYZ-1234 for cli-app at " + server.url());
        assertThat(server.requests())
                .extracting(StubServer.Recorded::body)
                .anyMatch(body -> body.contains("scope=openid+offline_access"));
        assertThat(OAuthGrant.fromJson(keychain.get("me")).grantType()).isEqualTo("device_code");
    }

    @Test
    void requestsThatCannotWorkAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new OAuthLogins.Request(
                        OAuthLogins.Grant.CLIENT_CREDENTIALS, "https://a", "c", null, null, null, null))
                .hasMessageContaining("needs the client secret");
        assertThatThrownBy(() -> new OAuthLogins.Request(
                        OAuthLogins.Grant.DEVICE,
                        "https://a",
                        "c",
                        null,
                        null,
                        ClientAuthentication.Method.CLIENT_SECRET_POST,
                        null))
                .hasMessageContaining("client credentials only");
        assertThatThrownBy(() -> new ClientSecret("  ", ClientSecret.Origin.STDIN, null))
                .hasMessage("the client secret is empty");
        assertThat(new ClientSecret("s3cret", ClientSecret.Origin.STDIN, null).toString())
                .doesNotContain("s3cret");
        assertThat(server.requests()).isEmpty();
    }
}
