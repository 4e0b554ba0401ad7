package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
