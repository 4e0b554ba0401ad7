package com.authlete.toolkit.credentials.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.credentials.ConfigFile;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Keychain;
import com.authlete.toolkit.credentials.connect.CredentialChain;
import com.authlete.toolkit.transport.ApiException;
import com.authlete.toolkit.transport.FormFields;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.NetworkException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth flows against a scripted authorization server, for the answers a real one rarely gives on demand
 * (slow_down, expired_token, metadata only under the RFC 8414 name, a forged state). The real peer is in the
 * CLI's {@code OAuthLoginIT}.
 */
class OAuthFlowsTest {

    private final StubServer server;
    private final TransportFactory transports = TransportFactory.plain("test");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    OAuthFlowsTest() throws Exception {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServerMetadata metadata() {
        return new ServerMetadata(
                server.url(),
                URI.create(server.url() + "/authorize"),
                URI.create(server.url() + "/token"),
                URI.create(server.url() + "/device"),
                List.of("openid", "offline_access"));
    }

    @Test
    void deviceFlowKeepsPollingWhilePendingAndSlowsDownByFiveSeconds() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        server.handler(request -> {
            if (request.target().equals("/device")) {
                return Reply.json(
                        200,
                        "{\"device_code\":\"dc\",\"user_code\":\"ABCD-EFGH\",\"verification_uri\":\"" + server.url()
                                + "/activate\",\"expires_in\":600,\"interval\":2}");
            }
            return switch (polls.incrementAndGet()) {
                case 1 -> Reply.json(400, "{\"error\":\"authorization_pending\"}");
                case 2 -> Reply.json(400, "{\"error\":\"slow_down\"}");
                case 3 -> Reply.json(400, "{\"error\":\"authorization_pending\"}");
                default -> Reply.json(200, "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":3600}");
            };
        });
        List<Duration> waits = new ArrayList<>();
        DeviceFlow flow =
                new DeviceFlow(transports, metadata(), ClientAuthentication.publicClient("cli"), clock, waits::add);
        DeviceFlow.Authorization authorization = flow.start("openid offline_access");
        assertThat(authorization.userCode()).isEqualTo("ABCD-EFGH");
        assertThat(server.lastRequest().body())
                .contains("client_id=cli", "scope=openid+offline_access", "prompt=consent");

        TokenResponse tokens = flow.await(authorization);

        assertThat(tokens.accessToken()).isEqualTo("at");
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(server.lastRequest().body())
                .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code", "device_code=dc");
    }

    @Test
    void deviceFlowEndsOnExpiryAndDenialWithClearMessages() throws Exception {
        for (String error : List.of("expired_token", "access_denied")) {
            server.handler(request -> request.target().equals("/device")
                    ? Reply.json(
                            200,
                            "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"https://x/activate\"}")
                    : Reply.json(400, "{\"error\":\"" + error + "\"}"));
            DeviceFlow flow =
                    new DeviceFlow(transports, metadata(), ClientAuthentication.publicClient("cli"), clock, d -> {});
            DeviceFlow.Authorization authorization = flow.start(null);
            assertThat(authorization.interval()).as("RFC 8628 default").isEqualTo(Duration.ofSeconds(5));
            assertThatThrownBy(() -> flow.await(authorization))
                    .isInstanceOf(OAuthException.class)
                    .hasMessage(
                            error.equals("expired_token")
                                    ? "the code expired before it was approved; run the login again"
                                    : "the login was denied on the authorization server; nothing was stored");
        }
    }

    @Test
    void clientSecretBasicEncodesBothPartsAndPostPutsThemInTheForm() throws Exception {
        server.handler(request -> Reply.json(200, "{\"access_token\":\"at\",\"expires_in\":60}"));
        new TokenEndpoint(
                        transports,
                        URI.create(server.url() + "/token"),
                        new ClientAuthentication("bot:1", ClientAuthentication.Method.CLIENT_SECRET_BASIC, "s&cret"))
                .clientCredentials(null);
        String basic = server.lastRequest().header("Authorization");
        assertThat(new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("bot%3A1:s%26cret");
        assertThat(server.lastRequest().body()).isEqualTo("grant_type=client_credentials");

        new TokenEndpoint(
                        transports,
                        URI.create(server.url() + "/token"),
                        new ClientAuthentication("bot", ClientAuthentication.Method.CLIENT_SECRET_POST, "pw"))
                .clientCredentials("api");
        assertThat(server.lastRequest().header("Authorization")).isNull();
        assertThat(server.lastRequest().body())
                .isEqualTo("grant_type=client_credentials&scope=api&client_id=bot&client_secret=pw");
    }

    @Test
    void discoveryFallsBackToTheRfc8414DocumentAndChecksTheIssuer() throws Exception {
        server.handler(request -> request.target().equals("/.well-known/oauth-authorization-server/tenant")
                ? Reply.json(
                        200,
                        "{\"issuer\":\"" + server.url() + "/tenant\",\"token_endpoint\":\"" + server.url() + "/t\"}")
                : Reply.json(404, "{}"));
        ServerMetadata found = new Discovery(transports).discover(server.url() + "/tenant/");
        assertThat(found.tokenEndpoint()).hasToString(server.url() + "/t");
        assertThat(found.deviceAuthorizationEndpoint()).isNull();
        assertThat(server.requests())
                .extracting(StubServer.Recorded::target)
                .containsExactly(
                        "/tenant/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/tenant");

        server.handler(request -> Reply.json(200, "{\"issuer\":\"https://evil.example\"}"));
        assertThatThrownBy(() -> new Discovery(transports).discover(server.url()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("names the issuer 'https://evil.example'");
    }

    @Test
    void browserFlowRejectsAnAnswerWithAnotherState() throws Exception {
        BrowserFlow flow =
                new BrowserFlow(transports, metadata(), ClientAuthentication.publicClient("cli"), new SecureRandom());
        AtomicReference<Integer> status = new AtomicReference<>();
        assertThatThrownBy(() -> flow.login("openid", Duration.ofSeconds(10), url -> {
                    String redirect = FormFields.parse(url.getRawQuery()).get("redirect_uri");
                    assertThat(redirect).startsWith("http://127.0.0.1:").endsWith("/callback");
                    status.set(get(URI.create(redirect + "?code=c&state=forged")));
                }))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("does not carry this login's state");
        assertThat(status.get()).isEqualTo(400);
        assertThat(server.requests()).as("no code exchange").isEmpty();
    }

    @Test
    void renewalSpendsTheRefreshTokenOnceAndKeepsTheRotatedOne() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        server.handler(request -> {
            refreshes.incrementAndGet();
            return request.body().contains("refresh_token=rt1")
                    ? Reply.json(200, "{\"access_token\":\"at2\",\"refresh_token\":\"rt2\",\"expires_in\":3600}")
                    : Reply.json(400, "{\"error\":\"invalid_grant\"}");
        });
        CredentialStore store = new CredentialStore(new ConfigFile(directory.resolve("config.yaml")), Keychain.NONE);
        OAuthGrant expired = new OAuthGrant(
                "device_code",
                server.url(),
                URI.create(server.url() + "/token"),
                "cli",
                ClientAuthentication.Method.NONE,
                "openid",
                "at1",
                "rt1",
                clock.instant().minusSeconds(1),
                null);
        store.store("p", expired.toJson());
        TokenRenewal renewal = new TokenRenewal(store, transports, Map.of(), clock);
        CredentialChain chain = new CredentialChain(Map.of(), store, "p", renewal);

        assertThat(chain.resolve(null).orElseThrow().token()).isEqualTo("at2");
        assertThat(chain.resolve(null).orElseThrow().token())
                .as("fresh now: no second refresh")
                .isEqualTo("at2");
        assertThat(refreshes.get()).isEqualTo(1);
        OAuthGrant stored = OAuthGrant.fromJson(store.read("p").orElseThrow().token());
        assertThat(stored.refreshToken()).isEqualTo("rt2");
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));

        // The stale copy the caller still holds is expired, but the stored one is not: no refresh with rt1 again.
        assertThat(renewal.accessToken("p", expired)).isEqualTo("at2");
        assertThat(refreshes.get()).isEqualTo(1);

        store.store(
                "p",
                stored.renewed(new TokenResponse("at3", "gone", 0L, null), clock.instant())
                        .toJson());
        assertThatThrownBy(() -> chain.resolve(null))
                .isInstanceOf(OAuthException.class)
                .hasMessage("the login of profile p could not be renewed (invalid_grant): run 'authlete auth login'");
    }

    @Test
    void storedLoginsNeverShowTheirTokensInToString() throws Exception {
        OAuthGrant grant = new OAuthGrant(
                "client_credentials",
                "https://as",
                URI.create("https://as/token"),
                "bot",
                ClientAuthentication.Method.CLIENT_SECRET_BASIC,
                null,
                "access-secret",
                "refresh-secret",
                null,
                null);
        assertThat(grant.toString()
                        + new ClientAuthentication("bot", ClientAuthentication.Method.CLIENT_SECRET_BASIC, "pw")
                        + new TokenResponse("access-secret", "refresh-secret", 1L, null))
                .doesNotContain("access-secret", "refresh-secret", "pw");
        assertThat(OAuthGrant.fromJson(grant.toJson())).isEqualTo(grant);
        assertThat(OAuthGrant.isGrant(grant.toJson())).isTrue();
        assertThat(OAuthGrant.isGrant("plain-token")).isFalse();
    }

    private static int get(URI uri) {
        return getPage(uri).statusCode();
    }

    private static HttpResponse<String> getPage(URI uri) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hostile server's interval and expiry are bounded; an address that is not a web address is refused. */
    @Test
    void deviceFlowBoundsWhatTheServerSays() throws Exception {
        server.handler(request -> Reply.json(
                200,
                "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"https://x/a\","
                        + "\"expires_in\":99999999999,\"interval\":1000000000}"));
        DeviceFlow flow =
                new DeviceFlow(transports, metadata(), ClientAuthentication.publicClient("cli"), clock, d -> {});
        DeviceFlow.Authorization authorization = flow.start(null);
        assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(authorization.expiresIn()).isEqualTo(Duration.ofMinutes(30));

        server.handler(request -> Reply.json(
                200,
                "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"https://x/a\","
                        + "\"expires_in\":\"soon\",\"interval\":-3}"));
        DeviceFlow.Authorization defaults = flow.start(null);
        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.expiresIn()).isEqualTo(Duration.ofMinutes(10));

        for (String address : List.of("javascript:alert(1)", "file:///etc/passwd", "-–help", "https://x/\\u001b[2J")) {
            server.handler(request -> Reply.json(
                    200, "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"" + address + "\"}"));
            assertThatThrownBy(() -> flow.start(null))
                    .as(address)
                    .isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("unusable verification_uri");
        }
    }

    @Test
    void deviceFlowGivesUpAfterTheWaitAskedFor() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        server.handler(request -> request.target().equals("/device")
                ? Reply.json(
                        200,
                        "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"https://x/a\",\"interval\":5}")
                : Reply.json(
                        400, "{\"error\":\"" + (polls.incrementAndGet() > 0 ? "authorization_pending" : "") + "\"}"));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T12:00:00Z"));
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        DeviceFlow flow = new DeviceFlow(
                transports,
                metadata(),
                ClientAuthentication.publicClient("cli"),
                moving,
                pause -> now.set(now.get().plus(pause)));
        DeviceFlow.Authorization authorization = flow.start(null);
        assertThatThrownBy(() -> flow.await(authorization, Duration.ofSeconds(20)))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("no approval within 20 s (--wait)");
        assertThat(polls.get()).isBetween(4, 5);
    }

    @Test
    void discoveryRefusesEndpointsThatAreNotWebAddresses() {
        for (String endpoint : List.of("file:///etc/passwd", "javascript:alert(1)", "--help")) {
            server.handler(request -> Reply.json(
                    200,
                    "{\"issuer\":\"" + server.url() + "\",\"token_endpoint\":\"" + server.url()
                            + "/t\",\"authorization_endpoint\":\"" + endpoint + "\"}"));
            assertThatThrownBy(() -> new Discovery(transports).discover(server.url()))
                    .as(endpoint)
                    .isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("authorization_endpoint");
        }
    }

    @Test
    void theBrowserIsNotToldTheLoginCompletedWhenTheStateIsWrong() throws Exception {
        BrowserFlow flow =
                new BrowserFlow(transports, metadata(), ClientAuthentication.publicClient("cli"), new SecureRandom());
        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        assertThatThrownBy(() -> flow.login("openid", Duration.ofSeconds(10), url -> {
                    String redirect = FormFields.parse(url.getRawQuery()).get("redirect_uri");
                    page.set(getPage(URI.create(redirect + "?code=c&state=forged")));
                }))
                .isInstanceOf(OAuthException.class);
        assertThat(page.get().statusCode()).isEqualTo(400);
        assertThat(page.get().body()).contains("The login failed").doesNotContain("Login complete");
    }

    /** Whatever a token endpoint says its lifetime is, the login is stored with a lifetime that date arithmetic can take. */
    @Test
    void oddLifetimesFromTheTokenEndpointAreTamed() throws Exception {
        Map<String, Long> cases = new LinkedHashMap<>();
        cases.put("\"soon\"", null);
        cases.put("-5", null);
        cases.put("1e30", null);
        cases.put("9223372036854775807", TokenResponse.MAX_EXPIRES_IN);
        cases.put("\"3600\"", 3600L);
        cases.put("{}", null);
        for (Map.Entry<String, Long> lifetime : cases.entrySet()) {
            server.handler(
                    request -> Reply.json(200, "{\"access_token\":\"at\",\"expires_in\":" + lifetime.getKey() + "}"));
            ClientAuthentication client =
                    new ClientAuthentication("bot", ClientAuthentication.Method.CLIENT_SECRET_POST, "s");
            TokenResponse response =
                    new TokenEndpoint(transports, URI.create(server.url() + "/token"), client).clientCredentials(null);
            assertThat(response.expiresIn()).as(lifetime.getKey()).isEqualTo(lifetime.getValue());
            OAuthGrant grant = OAuthGrant.obtained(
                    "client_credentials", metadata(), client, null, response, clock.instant(), null);
            assertThat(OAuthGrant.fromJson(grant.toJson())).isEqualTo(grant);
        }
    }

    @Test
    void aTokenEndpointThatRepeatsWhatItWasSentDoesNotGetItPrinted() throws Exception {
        String secret = "cs/8c1f+e0a9b7d2";
        String escapedSecret = "cs\\/8c1f\\u002be0a9b7d2";
        for (ClientAuthentication.Method method : List.of(
                ClientAuthentication.Method.CLIENT_SECRET_BASIC, ClientAuthentication.Method.CLIENT_SECRET_POST)) {
            server.handler(request -> Reply.json(
                    401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"secret " + escapedSecret + " for "
                            + request.header("Authorization") + " and code_verifier=verifier-77abc123 is wrong\"}"));
            TokenEndpoint endpoint = new TokenEndpoint(
                    transports, URI.create(server.url() + "/token"), new ClientAuthentication("cli", method, secret));
            assertThatThrownBy(() ->
                            endpoint.authorizationCode("code-5e5e5e5e", "http://127.0.0.1:1/cb", "verifier-77abc123"))
                    .isInstanceOf(OAuthException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .as(method.toString())
                            .startsWith("invalid_client: secret [REDACTED]")
                            .doesNotContain(
                                    "8c1f",
                                    "verifier-77abc123",
                                    basic("cli", secret).substring(6)));
        }
        server.handler(request -> new Reply(
                500,
                Map.of("Content-Type", "text/plain"),
                ("failed on refresh_token rt-0123456789 from " + request.body()).getBytes(StandardCharsets.UTF_8)));
        TokenEndpoint endpoint = new TokenEndpoint(
                transports,
                URI.create(server.url() + "/token"),
                new ClientAuthentication("cli", ClientAuthentication.Method.CLIENT_SECRET_POST, secret));
        assertThatThrownBy(() -> endpoint.refresh("rt-0123456789"))
                .satisfies(e -> assertThat(e.getMessage() + ((ApiException) e).body())
                        .doesNotContain("rt-0123456789", "8c1f")
                        .contains("[REDACTED]"));
    }

    private static String basic(String id, String secret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((id + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenEndpointThatDripsItsAnswerIsANetworkTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 600 && !Thread.currentThread().isInterrupted(); i++) {
                        Thread.sleep(50);
                        out.write(' ');
                        out.flush();
                    }
                } catch (Exception ended) {
                    // The client gave up: that is the point.
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            TransportFactory quick = origin -> HttpTransport.builder()
                    .baseUrl(origin)
                    .userAgent("test")
                    .readTimeout(Duration.ofMillis(300))
                    .requestTimeout(Duration.ofMillis(600))
                    .build();
            TokenEndpoint endpoint = new TokenEndpoint(
                    quick,
                    URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/token"),
                    ClientAuthentication.publicClient("cli"));
            assertThatThrownBy(() -> endpoint.clientCredentials(null))
                    .isInstanceOf(NetworkException.class)
                    .satisfies(
                            e -> assertThat(((AuthleteException) e).category()).isEqualTo(ErrorCategory.NETWORK));
            dripper.interrupt();
        }
    }
}
