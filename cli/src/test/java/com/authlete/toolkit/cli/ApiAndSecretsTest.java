package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code authlete api} and the commands that reveal a new client secret, in-process against a stub server. */
class ApiAndSecretsTest {

    private static final String SECRET =
            "{\"resultCode\":\"A148001\",\"newClientSecret\":\"n3w-s3cr3t-value\",\"oldClientSecret\":\"0ld\"}";

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer()
                .handler(request -> request.target().startsWith("/api/missing")
                        ? Reply.json(404, "{\"resultCode\":\"A001\",\"resultMessage\":\"no such thing\"}")
                        : request.target().contains("/client/secret/")
                                ? Reply.json(200, SECRET)
                                : Reply.json(
                                        200,
                                        "{\"echo\":" + (request.body().isEmpty() ? "null" : request.body()) + "}"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private CliHarness cli() {
        return new CliHarness().env("AUTHLETE_BEARER", "test-token");
    }

    @Test
    void apiSendsPathQueryAndBodyAsGiven() {
        CliHarness.Result result = cli().run(
                        "api",
                        "post",
                        "/api/7/client/create?x=a%20b",
                        "--body",
                        "{ \"clientName\" : \"A\" }",
                        "--server-url",
                        stub.url(),
                        "-F",
                        "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stub.lastRequest().method()).isEqualTo("POST");
        assertThat(stub.lastRequest().target()).isEqualTo("/api/7/client/create?x=a%20b");
        assertThat(stub.lastRequest().body()).isEqualTo("{ \"clientName\" : \"A\" }");
        assertThat(stub.lastRequest().header("Content-Type")).isEqualTo("application/json");
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer test-token");
        assertThat(result.out())
                .as("json passes the bytes through")
                .isEqualTo("{\"echo\":{ \"clientName\" : \"A\" }}\n");
    }

    @Test
    void apiDefaultsToGetTakesHeadersAndBuildsBodiesFromFields(@TempDir Path dir) throws Exception {
        assertThat(cli().run("api", "/api/service/get/list", "--server-url", stub.url(), "-H", "X-Trace: abc")
                        .exitCode())
                .isZero();
        assertThat(stub.lastRequest().method()).isEqualTo("GET");
        assertThat(stub.lastRequest().header("X-Trace")).isEqualTo("abc");

        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        CliHarness.Result fields = cli().run(
                        "api",
                        "/api/7/client/create",
                        "--server-url",
                        stub.url(),
                        "-f",
                        "clientName=demo",
                        "--field",
                        "clientIdAliasEnabled=true",
                        "--field",
                        "defaultMaxAge=300",
                        "--field",
                        "jwks=@" + jwks,
                        "--body",
                        "{\"clientName\":\"overridden\",\"description\":\"kept\"}");
        assertThat(fields.exitCode()).as(fields.err()).isZero();
        assertThat(stub.lastRequest().method()).as("fields make it a POST").isEqualTo("POST");
        assertThat(stub.lastRequest().body())
                .isEqualTo("{\"clientName\":\"demo\",\"description\":\"kept\",\"clientIdAliasEnabled\":true,"
                        + "\"defaultMaxAge\":300,\"jwks\":\"{\\\"keys\\\":[]}\"}");

        int sent = stub.requests().size();
        CliHarness.Result authorization =
                cli().run("api", "/api/x", "--server-url", stub.url(), "-H", "authorization: Bearer stolen");
        assertThat(authorization.exitCode()).isEqualTo(2);
        assertThat(authorization.err())
                .startsWith("error: -H Authorization is refused")
                .doesNotContain("stolen");
        assertThat(cli().run("api", "/api/x", "--server-url", stub.url(), "-H", "no colon")
                        .err())
                .startsWith("error: -H expects 'Name: value'");
        assertThat(cli().run("api", "/api/x", "--server-url", stub.url(), "-f", "novalue")
                        .err())
                .startsWith("error: -f expects key=value");
        assertThat(stub.requests()).hasSize(sent);
    }

    @Test
    void apiReadsTheBodyFromStdinAndMapsErrorsToExitCodes() {
        CliHarness.Result piped = cli().pipe("{\"a\":1}")
                .run("api", "PUT", "/api/thing", "--server-url", stub.url(), "-F", "json", "--jq", ".echo.a");
        assertThat(piped.out()).isEqualTo("1\n");

        CliHarness.Result missing = cli().run("api", "GET", "/api/missing", "--server-url", stub.url());
        assertThat(missing.exitCode()).isEqualTo(5);
        assertThat(missing.err()).isEqualTo("error: no such thing [A001] (HTTP 404)\n");

        CliHarness.Result offServer =
                cli().run("api", "GET", "https://elsewhere.example/steal", "--server-url", stub.url());
        assertThat(offServer.exitCode()).isEqualTo(2);
        assertThat(cli().run("api", "GET").exitCode()).isEqualTo(2);
        assertThat(cli().run("api", "POST", "/api/x", "--body", "{\"a\":1} trailing", "--server-url", stub.url())
                        .err())
                .startsWith("error: the request body");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aNewSecretIsNeverLostToAClosedPipe() {
        for (String[] format : new String[][] {{"-F", "json"}, {"-F", "yaml"}, {"--jq", ".newClientSecret"}}) {
            List<String> args = new ArrayList<>(List.of(
                    "client",
                    "management",
                    "refresh-secret",
                    "--yes",
                    "--service-id",
                    "1",
                    "--client-identifier",
                    "2",
                    "--server-url",
                    stub.url()));
            args.addAll(List.of(format));
            CliHarness.Result result = cli().closedOutput().run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(String.join(" ", format)).isEqualTo(ExitCode.ERROR.status());
            assertThat(result.err())
                    .as(String.join(" ", format))
                    .contains("standard output was closed before the answer with the new secret was written")
                    .contains("n3w-s3cr3t-value")
                    .contains(
                            "standard output was closed before the new secret was written; it was printed on standard error");
        }
        // Any other answer to a closed pipe ends quietly, as head(1) expects.
        CliHarness.Result other =
                cli().closedOutput().run("service", "get", "--service-id", "1", "--server-url", stub.url());
        assertThat(other.exitCode()).isZero();
    }

    @Test
    void rotatingASecretAsksFirstOnATerminalLikeADelete() {
        CliHarness.Result declined = cli().terminalInput("n\n")
                .run(
                        "client",
                        "management",
                        "refresh-secret",
                        "--service-id",
                        "1",
                        "--client-identifier",
                        "2",
                        "--server-url",
                        stub.url());
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.err()).contains("This cannot be undone. Continue? [y/N]", "cancelled");
        assertThat(stub.requests()).as("nothing sent").isEmpty();
    }

    @Test
    void onATerminalTheNewSecretIsShownAndTheOneItReplacesStaysMasked() {
        for (String format : new String[] {"pretty", "table"}) {
            CliHarness.Result shown = cli().terminalOutput()
                    .run(
                            "client",
                            "management",
                            "refresh-secret",
                            "--yes",
                            "--service-id",
                            "1",
                            "--client-identifier",
                            "2",
                            "--server-url",
                            stub.url(),
                            "-F",
                            format,
                            "--color",
                            "never");
            assertThat(shown.exitCode()).as(shown.err()).isZero();
            assertThat(shown.out())
                    .as(format)
                    .contains("n3w-s3cr3t-value", "[REDACTED]")
                    .doesNotContain("0ld");
        }
    }

    @Test
    void refreshSecretWarnsThatTheSecretIsShownOnceAndWritesItPrivately(@TempDir Path dir) throws Exception {
        CliHarness.Result shown = cli().run(
                        "client",
                        "management",
                        "refresh-secret",
                        "--yes",
                        "--service-id",
                        "1",
                        "--client-identifier",
                        "2",
                        "--server-url",
                        stub.url(),
                        "-F",
                        "json");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.err())
                .isEqualTo("warning: the response holds a new client secret, shown this once; keep it now"
                        + " (-o FILE writes it to a file with mode 0600)\n");
        assertThat(shown.out()).contains("n3w-s3cr3t-value");

        Path file = dir.resolve("secret.json");
        CliHarness.Result saved = cli().run(
                        "client",
                        "management",
                        "update-secret",
                        "--yes",
                        "--service-id",
                        "1",
                        "--client-identifier",
                        "2",
                        "--client-secret",
                        "x".repeat(86),
                        "--server-url",
                        stub.url(),
                        "-o",
                        file.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.out()).isEmpty();
        assertThat(saved.err())
                .contains("written to " + file + " with mode 0600")
                .doesNotContain("n3w-s3cr3t-value");
        assertThat(Files.readString(file)).contains("n3w-s3cr3t-value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        CliHarness.Result list = cli().run("client", "list", "--service-id", "1", "--server-url", stub.url());
        assertThat(list.err()).doesNotContain("warning");
    }

    /** A new secret is shown once: a place it cannot be written to is refused before the request is sent. */
    @Test
    void anUnwritableOutputFileIsRefusedBeforeTheSecretIsRotated() {
        CliHarness.Result result = cli().run(
                        "client",
                        "management",
                        "refresh-secret",
                        "--yes",
                        "--service-id",
                        "1",
                        "--client-identifier",
                        "2",
                        "--server-url",
                        stub.url(),
                        "-o",
                        "/proc/new-secret.json");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: -o: cannot create files in /proc");
        assertThat(stub.requests()).as("nothing was sent").isEmpty();
    }

    /** If writing fails after all, the secret is printed rather than lost. */
    @Test
    void aSecretThatCannotBeWrittenIsPrintedInstead(@TempDir Path directory) {
        // A name the file system takes, but too long for the temporary file written beside it first.
        Path file = directory.resolve("s".repeat(250) + ".json");
        CliHarness.Result result = cli().run(
                        "client",
                        "management",
                        "refresh-secret",
                        "--yes",
                        "--service-id",
                        "1",
                        "--client-identifier",
                        "2",
                        "--server-url",
                        stub.url(),
                        "-o",
                        file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains("warning: cannot write", "the answer, with the new secret, is printed here instead");
        assertThat(result.out()).contains("n3w-s3cr3t-value");
    }
}
