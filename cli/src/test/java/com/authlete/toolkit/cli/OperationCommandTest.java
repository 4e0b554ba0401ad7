package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operation commands end to end, in-process, against a stub API server. */
class OperationCommandTest {

    private static final String EXACT_JSON = "{\"z\":1,\"big\":123456789012345678901234567890,\"f\":1.10}";

    private StubServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer().handler(request -> Reply.json(200, EXACT_JSON));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private CliHarness cli() {
        return new CliHarness().env("AUTHLETE_BEARER", "env-token-1234");
    }

    private String[] args(String... words) {
        String[] all = new String[words.length + 2];
        System.arraycopy(words, 0, all, 0, words.length);
        all[words.length] = "--server-url";
        all[words.length + 1] = stub.url();
        return all;
    }

    @Test
    void mergeReadsTheCurrentObjectAndChangesOnlyTheGivenFields() {
        stub.handler(request -> request.method().equals("GET")
                ? Reply.json(
                        200, "{\"clientId\":7,\"clientName\":\"old\",\"description\":\"kept\",\"defaultMaxAge\":60}")
                : Reply.json(200, request.body()));
        CliHarness.Result result = cli().run(args(
                "client",
                "update",
                "--service-id",
                "1",
                "--client-id",
                "7",
                "--client-name",
                "new",
                "--merge",
                "-F",
                "json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stub.requests()).extracting(StubServer.Recorded::method).containsExactly("GET", "POST");
        assertThat(stub.requests().get(0).target()).isEqualTo("/api/1/client/get/7");
        // The server-set clientId is not sent back; everything else the client had is.
        assertThat(stub.lastRequest().body())
                .isEqualTo("{\"clientName\":\"new\",\"description\":\"kept\",\"defaultMaxAge\":60}");

        stub.clearRequests();
        CliHarness.Result byDefault =
                cli().run(args("client", "update", "--service-id", "1", "--client-id", "7", "--client-name", "new"));
        assertThat(byDefault.exitCode()).isZero();
        assertThat(stub.requests())
                .as("merging is the default")
                .extracting(StubServer.Recorded::method)
                .containsExactly("GET", "POST");

        CliHarness.Result replace = cli().run(args(
                "client", "update", "--service-id", "1", "--client-id", "7", "--client-name", "new", "--replace"));
        assertThat(replace.exitCode()).isZero();
        assertThat(stub.lastRequest().body())
                .as("with --replace only the given field")
                .isEqualTo("{\"clientName\":\"new\"}");

        CliHarness.Result nowhere = cli().run(args("service", "list", "--merge"));
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("--merge works with update commands");
    }

    @Test
    void renamedCommandsAnswerToTheirOldWordsToo() {
        assertThat(cli().run(args("jwk-set", "get", "--service-id", "1")).exitCode())
                .isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/1/service/jwks/get");
        assertThat(cli().run(args("jwk-set", "service-jwks-get-api", "--service-id", "2"))
                        .exitCode())
                .isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/2/service/jwks/get");
        assertThat(new CliHarness().run("jose-object", "--help").out())
                .contains("verify")
                .doesNotContain("jose-verify-api");
    }

    @Test
    void globalFlagsMayComeBeforeTheCommandWords() {
        CliHarness.Result result = cli().run(
                        "--server-url",
                        stub.url(),
                        "--output-format=json",
                        "--debug",
                        "service",
                        "list",
                        "--start",
                        "0");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/service/get/list?start=0");
        assertThat(result.err()).as("--debug took effect").contains("GET ").contains("/api/service/get/list");

        CliHarness.Result unknown = cli().run("--servre-url", stub.url(), "service", "list");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown flag --servre-url").doesNotContain("Exception");
    }

    @Test
    void serviceListSendsQueryAndTokenAndPrintsTheBodyUnchanged() {
        CliHarness.Result result = cli().run(args("service", "list", "--start", "0", "--end", "5"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(EXACT_JSON + "\n");
        assertThat(result.err()).isEmpty();
        StubServer.Recorded request = stub.lastRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/api/service/get/list?start=0&end=5");
        assertThat(request.header("Authorization")).isEqualTo("Bearer env-token-1234");
    }

    @Test
    void bearerFlagWinsOverTheEnvironment() {
        cli().run(args("service", "get", "--service-id", "7", "--bearer", "flag-token-9"));
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer flag-token-9");
        assertThat(stub.lastRequest().target()).isEqualTo("/api/7/service/get");
    }

    @Test
    void clientCreateBuildsTheBodyFromFlagsWithRepeatedArrays() {
        CliHarness.Result result = cli().run(args(
                "client",
                "create",
                "--service-id",
                "715948317",
                "--client-name",
                "My Client",
                "--grant-types",
                "AUTHORIZATION_CODE",
                "--grant-types",
                "refresh_token"));

        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/715948317/client/create");
        assertThat(stub.lastRequest().header("Content-Type")).startsWith("application/json");
        assertThat(stub.lastRequest().body())
                .isEqualTo("{\"clientName\":\"My Client\",\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]}");
    }

    @Test
    void flagsWinOverStdinFieldByField() {
        CliHarness.Result result = cli().pipe("{\"clientName\":\"x\",\"description\":\"d\"}")
                .run(args("client", "create", "--service-id", "715948317", "--client-name", "y"));

        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().body()).isEqualTo("{\"clientName\":\"y\",\"description\":\"d\"}");
    }

    @Test
    void bodyFlagWinsOverStdinAndFlagsWinOverBody(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.json");
        Files.writeString(file, "{\"clientName\":\"file\",\"developer\":\"file\",\"description\":\"file\"}");
        CliHarness.Result result = cli().pipe("{\"clientName\":\"stdin\",\"clientUri\":\"https://stdin\"}")
                .run(args("client", "create", "--service-id", "1", "--body", "@" + file, "--developer", "flag"));

        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().body())
                .isEqualTo(
                        "{\"clientName\":\"file\",\"clientUri\":\"https://stdin\",\"developer\":\"flag\",\"description\":\"file\"}");
    }

    @Test
    void stdinIsNotReadWhenItIsATerminal() {
        CliHarness.Result result = cli().run(args("client", "create", "--service-id", "1", "--client-name", "y"));
        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().body()).isEqualTo("{\"clientName\":\"y\"}");
    }

    @Test
    void runtimeOperationTakesItsBodyFromTheBodyFlag() {
        CliHarness.Result result = cli().run(args(
                "authorization",
                "process-request",
                "--service-id",
                "715948317",
                "--body",
                "{\"parameters\":\"response_type=code&client_id=1\"}"));

        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/715948317/auth/authorization");
        assertThat(stub.lastRequest().body()).isEqualTo("{\"parameters\":\"response_type=code&client_id=1\"}");
    }

    @Test
    void nestedGroupCommandWithRequiredQuery() {
        CliHarness.Result result = cli().run(args(
                "client", "management", "list-authorized-applications", "--service-id", "1", "--subject", "alice"));

        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/1/client/authorization/get/list?subject=alice");
    }

    @Test
    void updateFormSendsFormEncodingAndTheBodyPrefixResolvesTheClientIdCollision() {
        CliHarness.Result result = cli().run(args(
                "client",
                "update-form",
                "--service-id",
                "1",
                "--client-id",
                "2",
                "--client-name",
                "A B",
                "--body-client-id",
                "2",
                "--redirect-uris",
                "https://a/cb",
                "--redirect-uris",
                "https://b/cb"));

        assertThat(result.exitCode()).isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/1/client/update/2");
        assertThat(stub.lastRequest().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(stub.lastRequest().body())
                .isEqualTo(
                        "clientName=A+B&clientId=2&redirectUris=https%3A%2F%2Fa%2Fcb&redirectUris=https%3A%2F%2Fb%2Fcb");
    }

    @Test
    void missingTokenIsExitThreeWithAHintAndNoRequest() {
        CliHarness.Result result = new CliHarness().run(args("service", "list"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .isEqualTo("error: no API token: run 'authlete auth login', pass --bearer or set AUTHLETE_BEARER\n");
        assertThat(result.out()).isEmpty();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theHealthCheckNeedsNoToken() {
        stub.handler(request -> new Reply(200, Map.of("Content-Type", "text/plain"), "OK".getBytes()));
        CliHarness.Result result =
                new CliHarness().run(args("utility", "get-api-lifecycle-healthcheck", "--extended", "true"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("OK\n");
        assertThat(stub.lastRequest().target()).isEqualTo("/api/lifecycle/healthcheck?extended=true");
        assertThat(stub.lastRequest().header("Authorization")).isNull();
    }

    @ParameterizedTest(name = "HTTP {0} -> exit {1}")
    @CsvSource({"400, 1", "401, 3", "403, 4", "404, 5", "409, 1", "429, 6", "500, 7", "503, 7"})
    void httpErrorsMapToDocumentedExitCodesWithTheApiMessage(int status, int exitCode) {
        stub.handler(request -> Reply.json(
                status,
                "{\"resultCode\":\"A000" + status + "\",\"resultMessage\":\"[A000" + status + "] it failed.\"}"));
        CliHarness.Result result = cli().run(args("service", "get", "--service-id", "1"));

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo("error: [A000" + status + "] it failed. (HTTP " + status + ")\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnreachableServerIsExitEight() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliHarness.Result result = cli().run("service", "list", "--server-url", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err())
                .startsWith("error: cannot connect")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "unknown flag       | service list --nope                              | unknown flag or argument: --nope (see 'authlete service list --help')",
                "stray argument     | service list extra                               | unknown flag or argument: extra (see 'authlete service list --help')",
                "malformed integer  | service list --start abc                         | --start expects an integer, got 'abc'",
                "bad enum           | client create --service-id 1 --client-type secret | --client-type does not accept 'secret'; allowed values: PUBLIC, CONFIDENTIAL",
                "bad boolean        | client create --service-id 1 --locked maybe      | --locked expects true or false, got 'maybe'",
                "malformed body     | client create --service-id 1 --body {oops        | --body is not valid JSON",
                "missing path param | client get --service-id 1                        | missing required flag --client-id",
                "missing query      | client management list-authorized-applications --service-id 1 | missing required flag --subject",
                "missing body       | token process --service-id 1                     | 'token process' needs a request body",
                "body on GET        | service get --service-id 1 --body {}             | 'service get' takes no request body",
                "unknown command    | client frobnicate                                | unknown command 'client frobnicate' (see 'authlete client --help')",
                "mistyped group     | clinet list                                      | unknown command 'clinet list'; did you mean 'client'? (see 'authlete --help')",
                "mistyped command   | client lst --service-id 1                        | unknown command 'client lst'; did you mean 'client list'?",
                "mistyped command 2 | client lst                                       | did you mean 'client list'? (see 'authlete client --help')",
                "mistyped flag      | client list --servce-id 1                        | unknown flag or argument: --servce-id 1; did you mean --service-id? (see 'authlete client list --help')",
                "all with a range   | service list --all --start 400                   | --all fetches every page from the first",
                "page size alone    | service list --page-size 5                       | --page-size only applies with --all",
                "flag twice         | client get --service-id 1 --client-id 2 --client-id 3 | --client-id is given twice; give it once",
                "raw without jq     | service list --raw                               | --raw only applies to --jq results",
                "bad server index   | service list --server 9                          | --server expects 0 or us, 1 or jp, 2 or eu, 3 or br, got '9'",
                "bad server name    | service list --server mars                       | --server expects 0 or us, 1 or jp, 2 or eu, 3 or br, got 'mars'",
                "bad server under a URL | service list --server 99 --server-url http://127.0.0.1:9 | --server expects 0 or us",
                "unknown profile    | service list --profile nosuch                    | unknown profile 'nosuch'",
                "flag before words  | --bogus service list                             | unknown flag --bogus (see 'authlete --help')",
                "missing flag value | service list --start                             | --start",
                "missing body file  | client create --service-id 1 --body @/nonexistent/x.json | --body file not found: /nonexistent/x.json",
            })
    void badInputIsExitTwoWithOneClearLine(String name, String commandLine, String message) {
        CliHarness.Result result = cli().run(commandLine.trim().split("\\s+"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: ")
                .contains(message)
                .hasLineCount(1)
                .doesNotContain("\tat ");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void debugAddsTheExchangeOnStderrOnlyAndNoStackTraceForAnHttpError() {
        stub.handler(request -> Reply.json(404, "{\"resultCode\":\"A1\",\"resultMessage\":\"gone\"}"));
        CliHarness.Result result = cli().run(args("service", "get", "--service-id", "1", "--debug"));

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("> GET " + stub.url() + "/api/1/service/get")
                .contains("> Authorization: [REDACTED]")
                .contains("< HTTP 404")
                .contains("error: gone [A1] (HTTP 404)")
                .doesNotContain("\tat ")
                .doesNotContain("env-token-1234");
    }
}
