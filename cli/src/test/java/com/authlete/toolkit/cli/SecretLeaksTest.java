package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets where Authlete really carries them (inside the text fields parameters, jwks and responseContent), a
 * server that echoes the token or sends escape sequences, and the human formats: nothing secret reaches stdout,
 * stderr or a world-readable file, and nothing a server sends can drive the terminal.
 */
class SecretLeaksTest {

    private static final String TOKEN = "tok-4b1d9e7c2a55f0e3";
    /** A token response as Authlete's /auth/token gives it: the tokens as fields and again inside responseContent. */
    private static final String TOKEN_RESPONSE =
            "{\"action\":\"OK\",\"accessToken\":\"AT-f00d\",\"accessTokenDuration\":3600,"
                    + "\"responseContent\":\"{\\\"access_token\\\":\\\"AT-f00d\\\",\\\"refresh_token\\\":\\\"RT-beef\\\",\\\"expires_in\\\":3600}\"}";

    @TempDir
    Path files;

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer().handler(request -> {
            String target = request.target();
            if (target.contains("/echo-token/")) {
                return Reply.json(
                        401,
                        "{\"resultCode\":\"A001\",\"resultMessage\":\"bad token " + request.header("Authorization")
                                + "\"}");
            }
            if (target.contains("/escape/")) {
                return Reply.json(
                        400, "{\"resultCode\":\"A002\",\"resultMessage\":\"\\u001b[2J\\u001b]0;pwned\\u0007cleared\"}");
            }
            if (target.contains("/auth/token")) {
                return Reply.json(200, TOKEN_RESPONSE);
            }
            if (target.contains("/service/get/list")) {
                return Reply.json(
                        200,
                        "{\"start\":0,\"end\":1,\"totalCount\":1,\"services\":[{\"apiKey\":\"K-123\",\"apiSecret\":\"S-c0ffee\","
                                + "\"serviceName\":\"x\\u001b[31mred\\u001b]8;;file:///etc/passwd\\u0007\",\"accessTokenDuration\":3600}]}");
            }
            return Reply.json(200, "{}");
        });
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private CliHarness cli() {
        return new CliHarness().env("AUTHLETE_BEARER", TOKEN);
    }

    @Test
    void dryRunMasksSecretsInsideParametersAndKeepsDescriptionsWithTheirTypes() {
        String body =
                "{\"parameters\":\"grant_type=password&username=alice&password=PW-hunter2&client_secret=CS-1234\","
                        + "\"clientSecret\":\"CS-5678\",\"accessToken\":\"AT-9999\"}";
        CliHarness.Result token = cli().run(
                        "token",
                        "process",
                        "--service-id",
                        "1",
                        "--body",
                        body,
                        "--dry-run",
                        "--server-url",
                        stub.url());
        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(token.err())
                .doesNotContain("PW-hunter2", "CS-1234", "CS-5678", "AT-9999", TOKEN)
                .contains("grant_type=password", "username=alice", "password=[REDACTED]");

        CliHarness.Result service = cli().run(
                        "service",
                        "update",
                        "--service-id",
                        "1",
                        "--service-name",
                        "s",
                        "--access-token-duration",
                        "3600",
                        "--supported-token-auth-methods",
                        "CLIENT_SECRET_BASIC",
                        "--dry-run",
                        "--server-url",
                        stub.url());
        assertThat(service.exitCode()).as(service.err()).isZero();
        assertThat(service.err())
                .contains("\"accessTokenDuration\":3600", "\"supportedTokenAuthMethods\":[\"CLIENT_SECRET_BASIC\"]");

        CliHarness.Result client = cli().run(
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--client-name",
                        "c",
                        "--token-auth-method",
                        "CLIENT_SECRET_BASIC",
                        "--tls-client-certificate-bound-access-tokens",
                        "true",
                        "--id-token-sign-alg",
                        "RS256",
                        "--jwks",
                        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"SYM-KEY-1\"},{\"kty\":\"EC\",\"d\":\"EC-PRIV-1\",\"x\":\"pub\"}]}",
                        "--dry-run",
                        "--server-url",
                        stub.url());
        assertThat(client.exitCode()).as(client.err()).isZero();
        assertThat(client.err())
                .doesNotContain("SYM-KEY-1", "EC-PRIV-1")
                .contains(
                        "\"tokenAuthMethod\":\"CLIENT_SECRET_BASIC\"",
                        "\"tlsClientCertificateBoundAccessTokens\":true",
                        "\"idTokenSignAlg\":\"RS256\"",
                        "pub");
    }

    @Test
    void debugMasksTokensInsideResponseContent() {
        CliHarness.Result result = cli().run(
                        "token",
                        "process",
                        "--service-id",
                        "1",
                        "--parameters",
                        "grant_type=x",
                        "--debug",
                        "--server-url",
                        stub.url(),
                        "-o",
                        files.resolve("t.json").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("AT-f00d", "RT-beef", TOKEN).contains("accessTokenDuration\":3600");
    }

    @Test
    void aFileHoldingSecretsOnlyInsideTextIsStillPrivate() throws Exception {
        stub.handler(request -> Reply.json(200, "{\"parameters\":\"grant_type=refresh_token&refresh_token=RT-1\"}"));
        Path file = files.resolve("out.json");
        CliHarness.Result result =
                cli().run("service", "get", "--service-id", "1", "--server-url", stub.url(), "-o", file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        stub.handler(request ->
                Reply.json(200, "{\"parameters\":\"response_type=code&client_id=1\",\"accessTokenDuration\":3600}"));
        Path plain = files.resolve("plain.json");
        cli().run("service", "get", "--service-id", "1", "--server-url", stub.url(), "-o", plain.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)))
                .as("nothing secret: the usual mode")
                .isNotEqualTo("rw-------");
    }

    @Test
    void aTokenWithAControlCharacterIsRefusedWithoutBeingEchoed() {
        CliHarness.Result result = new CliHarness()
                .env("AUTHLETE_BEARER", "SECRETPART\u0007tail-of-token")
                .run("service", "list", "--server-url", stub.url());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("control character at position 11")
                .doesNotContain("SECRETPART", "tail-of-token");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aServerThatEchoesTheTokenDoesNotGetItPrinted() {
        CliHarness.Result plain = cli().run("service", "get", "--service-id", "echo-token", "--server-url", stub.url());
        assertThat(plain.exitCode()).isEqualTo(3);
        assertThat(plain.err()).contains("bad token Bearer [REDACTED]").doesNotContain(TOKEN);
        CliHarness.Result json =
                cli().run("service", "get", "--service-id", "echo-token", "--server-url", stub.url(), "-F", "json");
        assertThat(json.err()).contains("[REDACTED]").doesNotContain(TOKEN);
        CliHarness.Result debug =
                cli().run("service", "get", "--service-id", "echo-token", "--server-url", stub.url(), "--debug");
        assertThat(debug.err()).doesNotContain(TOKEN);
    }

    @Test
    void escapeSequencesFromTheServerNeverReachTheTerminal() {
        CliHarness.Result error =
                cli().terminalErrors().run("service", "get", "--service-id", "escape", "--server-url", stub.url());
        assertThat(error.exitCode()).isEqualTo(1);
        assertThat(error.err()).doesNotContain("\u001b", "\u0007").contains("\\u001b[2J", "cleared");
        for (String format : new String[] {"table", "yaml", "toon", "pretty", "json"}) {
            CliHarness.Result out = cli().terminalOutput()
                    .run("service", "list", "--server-url", stub.url(), "-F", format, "--color", "never");
            assertThat(out.exitCode()).as(format + ": " + out.err()).isZero();
            assertThat(out.out()).as(format).doesNotContain("\u001b", "\u0007").contains("red");
        }
    }

    @Test
    void tablesAndPrettyPrintHideSecretsUnlessAskedForByName() {
        for (String format : new String[] {"table", "pretty"}) {
            CliHarness.Result out =
                    cli().run("service", "list", "--server-url", stub.url(), "-F", format, "--color", "never");
            assertThat(out.exitCode()).as(out.err()).isZero();
            assertThat(out.out()).as(format).doesNotContain("S-c0ffee", "K-123").contains("3600");
        }
        CliHarness.Result asked = cli().run(
                        "service",
                        "list",
                        "--server-url",
                        stub.url(),
                        "-F",
                        "table",
                        "--fields",
                        "serviceName,apiSecret");
        assertThat(asked.out()).contains("S-c0ffee");
        CliHarness.Result json = cli().run("service", "list", "--server-url", stub.url(), "-F", "json");
        assertThat(json.out()).as("machine formats keep the data").contains("S-c0ffee");
    }

    @Test
    void theTokenEchoedInAnotherSpellingOrPlaceIsMaskedToo() {
        String token = "tok/4b1d9e7c2a55f0e3";
        String escaped = "\\u0074ok\\/4b1d9e7c2a55f0e3";
        stub.handler(request -> {
            String target = request.target();
            if (target.contains("/escaped/")) {
                return Reply.json(401, "{\"resultCode\":\"A001\",\"resultMessage\":\"bad token " + escaped + "\"}");
            }
            if (target.contains("/moved/")) {
                return new Reply(
                        302,
                        Map.of("Location", "https://elsewhere.example/t/tok%2F4b1d9e7c2a55f0e3/x?access_token=AT-77aa"),
                        new byte[0]);
            }
            return new Reply(
                    200,
                    Map.of("Content-Type", "application/json", "X-Echo", "was " + token, "Link", "<x?t=" + token + ">"),
                    "{\"serviceName\":\"s\"}".getBytes(StandardCharsets.UTF_8));
        });
        CliHarness harness = new CliHarness().env("AUTHLETE_BEARER", token);
        for (String[] extra : List.of(new String[] {}, new String[] {"--debug"}, new String[] {"-F", "json"})) {
            List<String> escapedArgs =
                    new ArrayList<>(List.of("service", "get", "--service-id", "escaped", "--server-url", stub.url()));
            escapedArgs.addAll(List.of(extra));
            CliHarness.Result bad = harness.run(escapedArgs.toArray(String[]::new));
            assertThat(bad.exitCode()).isEqualTo(3);
            assertThat(bad.err() + bad.out())
                    .as(String.join(" ", extra))
                    .doesNotContain("4b1d9e7c2a55f0e3")
                    .contains("[REDACTED]");

            List<String> movedArgs =
                    new ArrayList<>(List.of("service", "get", "--service-id", "moved", "--server-url", stub.url()));
            movedArgs.addAll(List.of(extra));
            CliHarness.Result moved = harness.run(movedArgs.toArray(String[]::new));
            assertThat(moved.exitCode()).isNotZero();
            assertThat(moved.err() + moved.out())
                    .as(String.join(" ", extra))
                    .doesNotContain("4b1d9e7c2a55f0e3", "AT-77aa")
                    .contains("elsewhere.example");
        }
        CliHarness.Result headers =
                harness.run("service", "get", "--service-id", "1", "--server-url", stub.url(), "--debug");
        assertThat(headers.exitCode()).as(headers.err()).isZero();
        assertThat(headers.err().toLowerCase(Locale.ROOT))
                .contains("x-echo: was [redacted]")
                .doesNotContain("4b1d9e7c2a55f0e3");
    }

    @Test
    void codesInNativeRedirectsFormPostPagesAndJarmStayHiddenInEveryFormatAndFile() throws Exception {
        String code = "SplxlOBeZQQYbYS6WxSbIA";
        String jarmPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"code\":\"" + code + "\",\"state\":\"s\"}").getBytes(StandardCharsets.UTF_8));
        String[] contents = {
            "com.example.app:/cb?code=" + code + "&state=s",
            "<html><body><form method=\\\"post\\\" action=\\\"https://c/cb\\\"><input type=\\\"hidden\\\" name=\\\"code\\\" value=\\\""
                    + code + "\\\"/></form></body></html>",
            "https://c/cb?response=eyJhbGciOiJFUzI1NiJ9." + jarmPayload + ".c2lnbmF0dXJl",
        };
        for (String content : contents) {
            String payloadHidden = content.contains("response=") ? jarmPayload : code;
            stub.handler(request -> Reply.json(
                    200, "{\"action\":\"LOCATION\",\"responseContent\":\"" + content + "\",\"ticket\":\"t\"}"));
            for (String format : new String[] {"table", "pretty", "yaml", "toon"}) {
                CliHarness.Result out = cli().run(
                                "authorization",
                                "issue",
                                "--service-id",
                                "1",
                                "--ticket",
                                "t",
                                "--subject",
                                "u",
                                "--server-url",
                                stub.url(),
                                "-F",
                                format,
                                "--color",
                                "never");
                assertThat(out.exitCode()).as(format + ": " + out.err()).isZero();
                if (format.equals("table") || format.equals("pretty")) {
                    assertThat(out.out()).as(format + " " + content).doesNotContain(payloadHidden);
                }
            }
            Path file = files.resolve("issued-" + Math.abs(content.hashCode()) + ".json");
            CliHarness.Result written = cli().run(
                            "authorization",
                            "issue",
                            "--service-id",
                            "1",
                            "--ticket",
                            "t",
                            "--subject",
                            "u",
                            "--server-url",
                            stub.url(),
                            "-o",
                            file.toString());
            assertThat(written.exitCode()).as(written.err()).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as("a file holding a code is private: " + content)
                    .isEqualTo("rw-------");
            CliHarness.Result debug = cli().run(
                            "authorization",
                            "issue",
                            "--service-id",
                            "1",
                            "--ticket",
                            "t",
                            "--subject",
                            "u",
                            "--server-url",
                            stub.url(),
                            "--debug",
                            "-o",
                            file.toString());
            assertThat(debug.err()).as("--debug " + content).doesNotContain(payloadHidden);
        }
    }

    @Test
    void aJwksBehindAByteOrderMarkAndASecretPairAreHiddenLikeAnyOther() {
        stub.handler(
                request -> Reply.json(
                        200,
                        "{\"clientName\":\"c\",\"jwks\":\"\\ufeff{\\\"keys\\\":[{\\\"kty\\\":\\\"EC\\\",\\\"d\\\":\\\"EC-PRIV-BOM\\\"}]}\","
                                + "\"attributes\":[{\"key\":\"webhook_password\",\"value\":\"PW-pair-1\"},{\"key\":\"team\",\"value\":\"blue\"}]}"));
        for (String format : new String[] {"table", "pretty"}) {
            CliHarness.Result out = cli().run(
                            "client",
                            "get",
                            "--service-id",
                            "1",
                            "--client-id",
                            "1",
                            "--server-url",
                            stub.url(),
                            "-F",
                            format,
                            "--color",
                            "never");
            assertThat(out.exitCode()).as(out.err()).isZero();
            assertThat(out.out())
                    .as(format)
                    .doesNotContain("EC-PRIV-BOM", "PW-pair-1")
                    .contains("blue");
        }
        CliHarness.Result debug = cli().run(
                        "client",
                        "get",
                        "--service-id",
                        "1",
                        "--client-id",
                        "1",
                        "--server-url",
                        stub.url(),
                        "--debug",
                        "-F",
                        "table");
        assertThat(debug.err()).doesNotContain("EC-PRIV-BOM", "PW-pair-1");
    }

    @Test
    void aRequestHeaderNamedLikeASecretIsMaskedInADryRun() {
        for (String header :
                new String[] {"X-Password: PW-header-1", "X-User-Credential: PW-header-1", "X-Session: PW-header-1"}) {
            CliHarness.Result result = cli().run(
                            "api",
                            "GET",
                            "/api/service/get/list",
                            "-H",
                            header,
                            "--dry-run",
                            "--server-url",
                            stub.url());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).as(header).doesNotContain("PW-header-1").contains("[REDACTED]");
        }
    }
}
