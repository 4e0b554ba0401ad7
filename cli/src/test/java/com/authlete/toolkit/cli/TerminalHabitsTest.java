package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.cli.app.Cli;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Habits from other CLIs meet a clear answer: -o FORMAT, --output FORMAT, a flag without its value, deletes in CI. */
class TerminalHabitsTest {

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer()
                .handler(request -> request.method().equals("DELETE")
                        ? new Reply(204, Map.of(), new byte[0])
                        : Reply.json(200, "{\"start\":0,\"end\":0,\"totalCount\":0,\"clients\":[]}"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private CliHarness cli() {
        return new CliHarness().env("AUTHLETE_BEARER", "habit-token-1234567890");
    }

    @Test
    void aFormatNameGivenToMinusOIsRefusedWithTheFlagForFormats() {
        CliHarness.Result yaml =
                cli().run("client", "list", "--service-id", "1", "--server-url", stub.url(), "-o", "yaml");
        assertThat(yaml.exitCode()).isEqualTo(2);
        assertThat(yaml.err()).contains("'yaml' is a format name", "-F yaml", "./yaml");
        assertThat(stub.requests()).isEmpty();

        CliHarness.Result output = cli().run("client", "list", "--service-id", "1", "--output", "json");
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err())
                .contains("unknown flag or argument: --output", "-F/--output-format", "-o/--output-file");
    }

    @Test
    void aFlagWithoutItsValueSaysSoInPlainWords() {
        CliHarness.Result result = cli().run("client", "get", "--service-id", "1", "--client-id");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: flag needs a value: --client-id ")
                .doesNotContain("Too few");
    }

    @Test
    void aDeleteWithNobodyToAskNeedsYesAndOnATerminalSaysWhatWasDone() {
        CliHarness.Result piped = cli().pipe("")
                .run("client", "delete", "--service-id", "1", "--client-id", "5", "--server-url", stub.url());
        assertThat(piped.exitCode()).isEqualTo(2);
        assertThat(piped.err()).contains("cannot be confirmed; give --yes", "nothing was sent");
        assertThat(stub.requests()).isEmpty();

        CliHarness.Result confirmed = cli().terminalInput("y\n")
                .terminalErrors()
                .run("client", "delete", "--service-id", "1", "--client-id", "5", "--server-url", stub.url());
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(confirmed.err()).contains("This cannot be undone. Continue? [y/N] ", "done: client delete: DELETE");

        CliHarness.Result yes = cli().pipe("")
                .run("client", "delete", "--service-id", "1", "--client-id", "5", "--server-url", stub.url(), "--yes");
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(yes.err()).as("not a terminal: no chatter").isEmpty();
    }

    /**
     * A body expected on standard input that does not come (an open stdin on a CI runner): on a terminal, one line
     * says what the command waits for. The stand-in for stdin answers only once that line is there, so the test
     * waits on the behaviour, not on a clock.
     */
    @Test
    @Timeout(60)
    void aBodyAwaitedOnStandardInputIsNamedWhileItDoesNotCome() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        InputStream silentUntilNamed = new InputStream() {
            @Override
            public int read() throws IOException {
                while (!errors.toString(StandardCharsets.UTF_8).contains(QuietStdinNotice.TEXT)) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return -1;
            }
        };
        int status = new Cli(
                        Map.of("AUTHLETE_BEARER", "habit-token-1234567890"),
                        new Terminal(false, false, true),
                        silentUntilNamed,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        err)
                .run(new String[] {
                    "client",
                    "create",
                    "--service-id",
                    "1",
                    "--client-name",
                    "x",
                    "--dry-run",
                    "--server-url",
                    stub.url()
                });
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith(QuietStdinNotice.TEXT + "\n");
    }

    @Test
    void smallMessagesSayWhatHappened() throws Exception {
        CliHarness.Result format = cli().env("AUTHLETE_OUTPUT_FORMAT", "xml")
                .run("client", "list", "--service-id", "1", "--server-url", stub.url());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("error: AUTHLETE_OUTPUT_FORMAT: unknown output format 'xml'");
        CliHarness.Result flag = cli().run("client", "list", "--service-id", "1", "-F", "xml");
        assertThat(flag.err()).startsWith("error: --output-format: unknown output format 'xml'");

        CliHarness.Result tokenFile = new CliHarness()
                .run("auth", "login", "--token-file", "/nonexistent/nope.txt", "--server-url", stub.url());
        assertThat(tokenFile.exitCode()).isEqualTo(2);
        assertThat(tokenFile.err()).isEqualTo("error: --token-file: no such file: /nonexistent/nope.txt\n");
    }

    @Test
    void theEnvironmentExitStatusesAndFilesHaveAHelpTopicAndAManSection() throws Exception {
        CliHarness.Result environment = new CliHarness().run("help", "environment");
        assertThat(environment.exitCode()).isZero();
        assertThat(environment.out())
                .contains("AUTHLETE_BEARER", "AUTHLETE_KEYCHAIN", "AUTHLETE_PAGER", "HTTPS_PROXY", "SSL_CERT_FILE");
        assertThat(new CliHarness().run("help", "exit-codes").out()).contains("8   network failure or timeout");
        assertThat(new CliHarness().run("help", "files").out()).contains(".authlete.yaml");
        String man = Files.readString(Path.of("..", "docs", "man", "man1", "authlete.1"));
        assertThat(man).contains(".SH ENVIRONMENT", ".SH EXIT STATUS", ".SH FILES", "AUTHLETE_SERVICE_ID");
    }

    @Test
    void theMainIdMayBeGivenAsAWordAfterTheCommand() {
        CliHarness.Result get =
                cli().run("client", "get", "1140735077", "--service-id", "1", "--server-url", stub.url());
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(stub.lastRequest().target()).isEqualTo("/api/1/client/get/1140735077");

        CliHarness.Result twoIds =
                cli().run("client", "get", "5", "--client-id", "6", "--service-id", "1", "--server-url", stub.url());
        assertThat(twoIds.exitCode()).isEqualTo(2);
        assertThat(twoIds.err()).contains("unknown flag or argument: 5");
        CliHarness.Result noId = cli().run("service", "list", "extra", "--server-url", stub.url());
        assertThat(noId.exitCode()).isEqualTo(2);
    }

    /** On a terminal a list shows the columns that tell items apart, says how many it hides and how to see them. */
    @Test
    void aListOnATerminalShowsAFewColumnsAndSaysHowToSeeTheRest() {
        stub.handler(request -> Reply.json(
                200,
                "{\"start\":0,\"end\":2,\"totalCount\":2,\"clients\":["
                        + "{\"clientId\":1,\"clientName\":\"A\",\"clientType\":\"PUBLIC\",\"description\":\"long text\","
                        + "\"redirectUris\":[\"https://a/cb\"],\"createdAt\":1},"
                        + "{\"clientId\":2,\"clientName\":\"B\",\"clientType\":\"CONFIDENTIAL\",\"description\":\"more\","
                        + "\"redirectUris\":[\"https://b/cb\"],\"createdAt\":2}]}"));
        for (String format : new String[] {"table", "pretty"}) {
            CliHarness.Result shown = cli().terminalOutput()
                    .run(
                            "client",
                            "list",
                            "--service-id",
                            "1",
                            "--server-url",
                            stub.url(),
                            "-F",
                            format,
                            "--color",
                            "never");
            assertThat(shown.exitCode()).as(shown.err()).isZero();
            assertThat(shown.out())
                    .as(format)
                    .contains("clientName", "PUBLIC")
                    .doesNotContain("long text", "https://a/cb");
            assertThat(shown.err()).contains("showing 3 of 6 fields", "--fields", "-F json");
        }
        CliHarness.Result walked = cli().terminalOutput()
                .run("client", "list", "--service-id", "1", "--server-url", stub.url(), "--all", "--color", "never");
        assertThat(walked.exitCode()).as(walked.err()).isZero();
        assertThat(walked.out())
                .as("--all on a terminal")
                .contains("clientName: B")
                .doesNotContain("long text");
        assertThat(walked.err()).contains("showing 3 of 6 fields");
        CliHarness.Result all = cli().terminalOutput()
                .run("client", "list", "--service-id", "1", "--server-url", stub.url(), "-F", "json");
        assertThat(all.out()).contains("long text");
        CliHarness.Result piped =
                cli().run("client", "list", "--service-id", "1", "--server-url", stub.url(), "-F", "table");
        assertThat(piped.out()).as("a pipe gets every column").contains("long text");
        CliHarness.Result picked = cli().terminalOutput()
                .run(
                        "client",
                        "list",
                        "--service-id",
                        "1",
                        "--server-url",
                        stub.url(),
                        "-F",
                        "table",
                        "--fields",
                        "description");
        assertThat(picked.out()).contains("long text");
        assertThat(picked.err()).doesNotContain("showing");
    }

    /** Ctrl-D at a question ends the line: the shell's prompt does not land after "[y/N] ". */
    @Test
    void theEndOfInputAtAQuestionEndsTheLine() {
        CliHarness.Result result = cli().terminalInput("")
                .run("client", "delete", "--service-id", "1", "--client-id", "5", "--server-url", stub.url());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Continue? [y/N] \n");
        assertThat(stub.requests()).isEmpty();
    }
}
