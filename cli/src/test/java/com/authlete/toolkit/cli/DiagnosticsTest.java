package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --dry-run, --debug, retries, timeouts, plain-http guard, confirmations and errors as JSON, in-process. */
class DiagnosticsTest {

    static final String SECRET_RESPONSE = "{\"clientId\":1,\"clientSecret\":\"resp-secret-777\",\"clientName\":\"A\"}";

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer().handler(request -> Reply.json(200, SECRET_RESPONSE));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private String[] args(String... words) {
        String[] all = Arrays.copyOf(words, words.length + 2);
        all[words.length] = "--server-url";
        all[words.length + 1] = stub.url();
        return all;
    }

    private CliHarness cli() {
        return new CliHarness().env("AUTHLETE_BEARER", "bearer-secret-4242");
    }

    @Test
    void dryRunShowsTheRedactedRequestAndSendsNothing() {
        CliHarness.Result result = cli().run(args(
                "client",
                "create",
                "--service-id",
                "1",
                "--client-name",
                "x",
                "--client-secret",
                "body-secret-99",
                "--dry-run",
                "--debug"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains(
                        "> POST " + stub.url() + "/api/1/client/create",
                        "> Authorization: [REDACTED]",
                        "> Content-Type: application/json",
                        "\"clientSecret\":\"[REDACTED]\"",
                        "* dry run: nothing was sent")
                .doesNotContain("bearer-secret-4242", "body-secret-99");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void dryRunWorksWithoutAToken() {
        CliHarness.Result result = new CliHarness().run(args("service", "list", "--dry-run"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("> GET ").doesNotContain("Authorization");
    }

    @Test
    void debugLogsBothSidesRedactedAndLeavesStdoutAlone() {
        CliHarness.Result result = cli().run(args("client", "get", "--service-id", "1", "--client-id", "2", "--debug"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(SECRET_RESPONSE + "\n");
        assertThat(result.err())
                .contains(
                        "> GET " + stub.url() + "/api/1/client/get/2",
                        "< HTTP 200",
                        "< body (" + SECRET_RESPONSE.length()
                                + " bytes): {\"clientId\":1,\"clientSecret\":\"[REDACTED]\"")
                .doesNotContain("resp-secret-777", "bearer-secret-4242");
    }

    @Test
    void retriesIdempotentRequestsOnlyAndAsConfigured() {
        AtomicInteger calls = new AtomicInteger();
        stub.handler(request -> calls.incrementAndGet() <= 2
                ? new Reply(503, Map.of("Retry-After", "0"), new byte[0])
                : Reply.json(200, "{}"));
        assertThat(cli().run(args("service", "get", "--service-id", "1")).exitCode())
                .isZero();
        assertThat(stub.requests()).hasSize(3);

        calls.set(0);
        assertThat(cli().run(args("service", "get", "--service-id", "1", "--retry", "0"))
                        .exitCode())
                .isEqualTo(7);
        assertThat(stub.requests()).hasSize(4);

        calls.set(0);
        assertThat(cli().run(args("client", "create", "--service-id", "1", "--client-name", "x"))
                        .exitCode())
                .isEqualTo(7);
        assertThat(stub.requests()).hasSize(5);

        calls.set(0);
        assertThat(cli().run(args("client", "create", "--service-id", "1", "--client-name", "x", "--retry-post"))
                        .exitCode())
                .isZero();
        assertThat(stub.requests()).hasSize(8);
    }

    @Test
    void timeoutStopsASlowServerWithExitEight() {
        stub.handler(request -> {
            Thread.sleep(3000);
            return Reply.json(200, "{}");
        });
        long started = System.nanoTime();
        CliHarness.Result result =
                cli().run(args("service", "get", "--service-id", "1", "--timeout", "300ms", "--retry", "0"));
        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).contains("timed out").hasLineCount(1);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2500);
    }

    @Test
    void plainHttpToARemoteHostIsRefusedUnlessAllowed() {
        CliHarness.Result result = cli().run("service", "list", "--server-url", "http://api.example.com");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing plain http to api.example.com", "--allow-insecure-http");

        CliHarness.Result allowed = cli().run(
                        "service",
                        "list",
                        "--server-url",
                        "http://api.example.com",
                        "--allow-insecure-http",
                        "--dry-run");
        assertThat(allowed.exitCode()).isZero();
    }

    @Test
    void destructiveCommandsAskOnATerminal() {
        CliHarness.Result declined = new CliHarness()
                .env("AUTHLETE_BEARER", "t")
                .terminalInput("n\n")
                .run(args("client", "delete", "--service-id", "1", "--client-id", "2"));
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.err())
                .contains(
                        "client delete: DELETE " + stub.url() + "/api/1/client/delete/2",
                        "Continue? [y/N]",
                        "cancelled; nothing was changed");
        assertThat(stub.requests()).isEmpty();

        CliHarness.Result accepted = new CliHarness()
                .env("AUTHLETE_BEARER", "t")
                .terminalInput("y\n")
                .run(args(
                        "client",
                        "management",
                        "revoke-client-tokens",
                        "--service-id",
                        "1",
                        "--client-id",
                        "2",
                        "--subject",
                        "a"));
        assertThat(accepted.exitCode()).isZero();
        assertThat(stub.requests()).hasSize(1);

        CliHarness.Result yes = new CliHarness()
                .env("AUTHLETE_BEARER", "t")
                .terminalInput("")
                .run(args("client", "delete", "--service-id", "1", "--client-id", "2", "--yes"));
        assertThat(yes.exitCode()).isZero();
        assertThat(yes.err()).doesNotContain("Continue?");

        // Nobody to ask (a pipe, CI): refused without --yes, as gh does, and nothing is sent.
        CliHarness.Result piped = new CliHarness()
                .env("AUTHLETE_BEARER", "t")
                .pipe("")
                .run(args("hardware-security-keys", "delete", "--service-id", "1", "--handle", "h"));
        assertThat(piped.exitCode()).isEqualTo(2);
        assertThat(piped.err()).contains("give --yes").doesNotContain("Continue?");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void errorsAreJsonWhenJsonOutputIsAskedFor() {
        stub.handler(
                request -> Reply.json(404, "{\"resultCode\":\"A001202\",\"resultMessage\":\"[A001202] Not found.\"}"));
        CliHarness.Result result =
                cli().run(args("client", "get", "--service-id", "1", "--client-id", "2", "-F", "json"));
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .isEqualTo(
                        "{\"error\":{\"code\":5,\"status\":404,\"resultCode\":\"A001202\",\"message\":\"[A001202] Not found. (HTTP 404)\"}}\n");

        CliHarness.Result usage = cli().run(args("client", "get", "--service-id", "1", "--output-format", "json"));
        assertThat(usage.err())
                .isEqualTo(
                        "{\"error\":{\"code\":2,\"status\":null,\"message\":\"missing required flag --client-id (see 'authlete client get --help')\"}}\n");
    }

    @Test
    void badNetworkFlagsAreUsageErrors() {
        assertThat(cli().run(args("service", "list", "--timeout", "soon")).err())
                .isEqualTo("error: --timeout expects a duration such as 30s, 500ms or 2m, got 'soon'\n");
        assertThat(cli().run(args("service", "list", "--retry", "-1")).exitCode())
                .isEqualTo(2);
        assertThat(cli().run("service", "list", "--server-url", "https://127.0.0.1:1", "--ca-cert", "/nonexistent.pem")
                        .err())
                .isEqualTo("error: --ca-cert: no such file: /nonexistent.pem\n");
        assertThat(cli().env("HTTPS_PROXY", "http://")
                        .run("service", "list", "--dry-run")
                        .exitCode())
                .isEqualTo(2);
        assertThat(stub.requests()).isEmpty();
    }
}
