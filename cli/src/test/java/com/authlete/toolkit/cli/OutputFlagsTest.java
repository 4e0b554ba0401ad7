package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output formats, --fields, --jq, -o, colour and --all, in-process against a stub server. */
class OutputFlagsTest {

    static final String CLIENTS = "{\"start\":0,\"end\":2,\"totalCount\":2,\"clients\":["
            + "{\"clientId\":1140735077,\"clientName\":\"Alpha\",\"clientSecret\":\"s3cr3t\",\"big\":123456789012345678901234567890,\"ratio\":1.10},"
            + "{\"clientId\":22,\"clientName\":\"Beta\",\"clientSecret\":\"other\",\"big\":1,\"ratio\":0.5}]}";
    static final String SERVICE =
            "{\"serviceName\":\"Prod\",\"apiKey\":715948317,\"enabled\":true,\"note\":null,\"ratio\":1.10}";
    private static final Pattern RANGE = Pattern.compile("start=(\\d+)&end=(\\d+)");

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer()
                .handler(request -> Reply.json(200, request.target().contains("/client/get/list") ? CLIENTS : SERVICE));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private CliHarness.Result run(CliHarness cli, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--server-url";
        all[args.length + 1] = stub.url();
        return cli.env("AUTHLETE_BEARER", "t").run(all);
    }

    private CliHarness.Result run(String... args) {
        return run(new CliHarness(), args);
    }

    @Test
    void pipedOutputDefaultsToTheExactJsonAndATerminalToPretty() {
        // Byte for byte, plus the line break the server left out (scripts reading lines would lose the last one).
        assertThat(run("service", "get", "--service-id", "1").out()).isEqualTo(SERVICE + "\n");
        assertThat(run("service", "get", "--service-id", "1", "-F", "json").out())
                .isEqualTo(SERVICE + "\n");
        CliHarness.Result pretty =
                run(new CliHarness().terminalOutput().env("NO_COLOR", "1"), "service", "get", "--service-id", "1");
        assertThat(pretty.out()).isEqualTo("""
                serviceName: Prod
                apiKey:      715948317
                enabled:     true
                note:        null
                ratio:       1.10
                """);
    }

    @Test
    void jsonFormatAskedForOnATerminalIsIndentedWithExactNumbers() {
        assertThat(run(
                                new CliHarness().terminalOutput(),
                                "service",
                                "get",
                                "--service-id",
                                "1",
                                "--output-format",
                                "json")
                        .out())
                .isEqualTo("""
                        {
                          "serviceName": "Prod",
                          "apiKey": 715948317,
                          "enabled": true,
                          "note": null,
                          "ratio": 1.10
                        }
                        """);
    }

    @Test
    void fieldsThatTheAnswerDoesNotHaveAreWarnedAbout() {
        CliHarness.Result result = run("client", "list", "--service-id", "1", "--fields", "clientName,clientNmae");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err())
                .startsWith("warning: --fields: no field clientNmae in the answer; it has ")
                .contains("clientName")
                .hasLineCount(1);
        assertThat(run("client", "list", "--service-id", "1", "--fields", "clientName")
                        .err())
                .isEmpty();
    }

    @Test
    void jqRawPrintsStringsAsPlainText() {
        assertThat(run("client", "list", "--service-id", "1", "--jq", ".clients[].clientName", "-r")
                        .out())
                .isEqualTo("Alpha\nBeta\n");
        assertThat(run("client", "list", "--service-id", "1", "--jq", ".clients[] | .clientName, .clientId", "--raw")
                        .out())
                .isEqualTo("Alpha\n1140735077\nBeta\n22\n");
        CliHarness.Result alone = run("service", "get", "--service-id", "1", "--raw");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).startsWith("error: --raw only applies to --jq results");
    }

    @Test
    void noContentPrintsNothingInAnyFormat() {
        stub.handler(request -> new Reply(204, Map.of(), new byte[0]));
        for (String format : new String[] {"json", "pretty", "yaml", "table", "toon"}) {
            CliHarness.Result result =
                    run("client", "delete", "--service-id", "1", "--client-id", "2", "--yes", "-F", format);
            assertThat(result.exitCode()).as(format + ": " + result.err()).isZero();
            assertThat(result.out()).as(format).isEmpty();
        }
    }

    @Test
    void debugOnAnHttpErrorShowsTheExchangeNotAStackTrace() {
        stub.handler(request -> Reply.json(404, "{\"resultCode\":\"A001\",\"resultMessage\":\"no such service\"}"));
        CliHarness.Result result = run("service", "get", "--service-id", "9", "--debug");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err())
                .contains("404")
                .contains("no such service")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void yamlAndToonAndTableRenderTheResponse() {
        assertThat(run("service", "get", "--service-id", "1", "-F", "yaml").out())
                .isEqualTo("serviceName: Prod\napiKey: 715948317\nenabled: true\nnote: null\nratio: 1.10\n");
        assertThat(run(
                                "client",
                                "list",
                                "--service-id",
                                "1",
                                "--output-format",
                                "toon",
                                "--fields",
                                "clientId,clientName")
                        .out())
                .isEqualTo(
                        "start: 0\nend: 2\ntotalCount: 2\nclients[2]{clientId,clientName}:\n  1140735077,Alpha\n  22,Beta\n");
        assertThat(run(
                                "client",
                                "list",
                                "--service-id",
                                "1",
                                "--output-format",
                                "table",
                                "--fields",
                                "clientName,clientId")
                        .out())
                .isEqualTo("clientName  clientId\nAlpha       1140735077\nBeta        22\n");
        assertThat(run(new CliHarness().env("COLUMNS", "20"), "client", "list", "--service-id", "1", "-F", "table")
                        .out()
                        .lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
    }

    @Test
    void fieldsApplyToEachItemOfAListAndKeepExactNumbers() {
        assertThat(run("client", "list", "--service-id", "1", "--fields", "clientName,big,ratio")
                        .out())
                .isEqualTo(
                        "{\"start\":0,\"end\":2,\"totalCount\":2,\"clients\":[{\"clientName\":\"Alpha\",\"big\":123456789012345678901234567890,"
                                + "\"ratio\":1.10},{\"clientName\":\"Beta\",\"big\":1,\"ratio\":0.5}]}\n");
        assertThat(run("service", "get", "--service-id", "1", "--fields", "apiKey")
                        .out())
                .isEqualTo("{\"apiKey\":715948317}\n");
    }

    @Test
    void jqPrintsJsonResultsOneALineAndOverridesTheFormat() {
        CliHarness.Result result =
                run("client", "list", "--service-id", "1", "--jq", ".clients[] | {id: .clientId, big}", "-F", "yaml");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .isEqualTo("{\"id\":1140735077,\"big\":123456789012345678901234567890}\n{\"id\":22,\"big\":1}\n");
        assertThat(run("service", "get", "--service-id", "1", "--jq", ".serviceName")
                        .out())
                .isEqualTo("\"Prod\"\n");
    }

    @Test
    void jqSyntaxErrorsAreUsageErrorsAndRuntimeErrorsApiStyleErrors() {
        CliHarness.Result syntax = run("service", "get", "--service-id", "1", "--jq", ".a | ]");
        assertThat(syntax.exitCode()).isEqualTo(2);
        assertThat(syntax.err()).startsWith("error: invalid jq program").hasLineCount(1);
        assertThat(stub.requests()).isEmpty();

        CliHarness.Result runtime = run("service", "get", "--service-id", "1", "--jq", ".serviceName | keys");
        assertThat(runtime.exitCode()).isEqualTo(1);
        assertThat(runtime.err()).startsWith("error: jq: ").hasLineCount(1);
    }

    @Test
    void outputFileIsWrittenAtomicallyWithNothingOnStdoutAndPrivateWhenSecretsArePresent(@TempDir Path dir)
            throws Exception {
        Path secrets = dir.resolve("clients.json");
        CliHarness.Result result = run("client", "list", "--service-id", "1", "-o", secrets.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(Files.readString(secrets)).isEqualTo(CLIENTS + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rw-------");

        Path plain = dir.resolve("service.yaml");
        stub.handler(request -> Reply.json(200, "{\"serviceName\":\"Prod\",\"number\":5}"));
        run("service", "get", "--service-id", "1", "--output-file", plain.toString(), "-F", "yaml");
        assertThat(Files.readString(plain)).startsWith("serviceName: Prod\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(secrets, plain);
        }
    }

    @Test
    void aFailedRequestLeavesTheOutputFileUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.json");
        Files.writeString(file, "previous");
        stub.handler(request -> Reply.json(500, "{\"resultMessage\":\"down\"}"));
        assertThat(run("service", "get", "--service-id", "1", "-o", file.toString())
                        .exitCode())
                .isEqualTo(7);
        assertThat(Files.readString(file)).isEqualTo("previous");
    }

    @Test
    void colourFlagBeatsTheEnvironmentAndAutoNeverColoursAPipe() {
        String[] args = {"service", "get", "--service-id", "1", "-F", "pretty"};
        assertThat(run(args).out()).doesNotContain("\u001b[");
        assertThat(run(new CliHarness().env("FORCE_COLOR", "1"), args).out()).contains("\u001b[");
        assertThat(run(new CliHarness().terminalOutput(), args).out()).contains("\u001b[");
        assertThat(run(new CliHarness().terminalOutput().env("NO_COLOR", "1"), args)
                        .out())
                .doesNotContain("\u001b[");
        String[] always = Arrays.copyOf(args, args.length + 2);
        always[args.length] = "--color";
        always[args.length + 1] = "always";
        assertThat(run(new CliHarness().env("NO_COLOR", "1"), always).out()).contains("\u001b[36mserviceName:");
        always[args.length + 1] = "never";
        assertThat(run(new CliHarness().terminalOutput().env("FORCE_COLOR", "1"), always)
                        .out())
                .doesNotContain("\u001b[");
    }

    @Test
    void badOutputFlagsAreUsageErrors() {
        assertThat(run("service", "get", "--service-id", "1", "-F", "xml").err())
                .isEqualTo(
                        "error: --output-format: unknown output format 'xml'; use one of: pretty, json, yaml, table, toon\n");
        assertThat(run("service", "get", "--service-id", "1", "--color", "maybe")
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("client", "get", "--service-id", "1", "--client-id", "2", "--all")
                        .err())
                .isEqualTo("error: 'client get' is not a paginated list; --all does not apply\n");
        assertThat(run("client", "list", "--service-id", "1", "--all", "--page-size", "0")
                        .exitCode())
                .isEqualTo(2);
        assertThat(stub.requests()).isEmpty();
    }

    /** Pages of {@code total} clients, made on demand. */
    private void pagesOf(int total) {
        stub.handler(request -> {
            Matcher m = RANGE.matcher(request.target());
            m.find();
            int start = Integer.parseInt(m.group(1));
            int end = Math.min(Integer.parseInt(m.group(2)), total);
            StringBuilder json = new StringBuilder(
                    "{\"start\":" + start + ",\"end\":" + end + ",\"totalCount\":" + total + ",\"clients\":[");
            for (int i = start; i < end; i++) {
                json.append(i > start ? "," : "")
                        .append("{\"clientId\":")
                        .append(i)
                        .append(",\"clientName\":\"c")
                        .append(i)
                        .append("\"}");
            }
            return Reply.json(200, json.append("]}").toString());
        });
    }

    @Test
    void allStreamsEveryPageAsNdjson() {
        pagesOf(5);
        CliHarness.Result result = run("client", "list", "--service-id", "1", "--all", "--page-size", "2");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                {"clientId":0,"clientName":"c0"}
                {"clientId":1,"clientName":"c1"}
                {"clientId":2,"clientName":"c2"}
                {"clientId":3,"clientName":"c3"}
                {"clientId":4,"clientName":"c4"}
                """);
        assertThat(stub.requests())
                .extracting(StubServer.Recorded::target)
                .containsExactly(
                        "/api/1/client/get/list?start=0&end=2",
                        "/api/1/client/get/list?start=2&end=4",
                        "/api/1/client/get/list?start=4&end=6");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void progressGoesToStderrOnlyWhenItIsATerminal() {
        pagesOf(5);
        CliHarness.Result result = run(
                new CliHarness().terminalErrors(), "client", "list", "--service-id", "1", "--all", "--page-size", "2");
        assertThat(result.out().lines()).hasSize(5);
        assertThat(result.err())
                .contains("fetched 2 of 5 items", "fetched 4 of 5 items", "fetched 5 of 5 items")
                .endsWith("\r\u001b[K");
    }

    @Test
    void progressIsClearedBeforeMoreOutputOnTheSameTerminal() {
        pagesOf(5);
        CliHarness.Result result = run(
                new CliHarness().sharedTerminal().env("NO_COLOR", "1"),
                "client",
                "list",
                "--service-id",
                "1",
                "--all",
                "--page-size",
                "2",
                "-F",
                "json");
        assertThat(result.out()).contains("fetched 2 of 5 items");
        // What the terminal shows: each line from its last carriage return on, erase-line codes applied.
        List<String> screen = Arrays.stream(result.out().split("\n"))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).replace("\u001b[K", ""))
                .filter(line -> !line.isEmpty())
                .toList();
        assertThat(screen)
                .hasSize(5)
                .allSatisfy(
                        line -> assertThat(line).startsWith("{\"clientId\":").doesNotContain("fetched"));
        assertThat(result.out()).endsWith("\r\u001b[K");
    }

    @Test
    void allInTheOtherFormats() {
        pagesOf(3);
        assertThat(run("client", "list", "--service-id", "1", "--all", "--page-size", "2", "-F", "yaml")
                        .out())
                .isEqualTo(
                        "clientId: 0\nclientName: c0\n---\nclientId: 1\nclientName: c1\n---\nclientId: 2\nclientName: c2\n");
        assertThat(run("client", "list", "--service-id", "1", "--all", "-F", "toon")
                        .out())
                .isEqualTo(
                        "clientId: 0\nclientName: c0\n\nclientId: 1\nclientName: c1\n\nclientId: 2\nclientName: c2\n");
        assertThat(run("client", "list", "--service-id", "1", "--all", "-F", "pretty", "--fields", "clientName")
                        .out())
                .isEqualTo("clientName: c0\n\nclientName: c1\n\nclientName: c2\n");
        assertThat(run("client", "list", "--service-id", "1", "--all", "--page-size", "2", "-F", "table")
                        .out())
                .isEqualTo("clientId  clientName\n0         c0\n1         c1\n2         c2\n");
        // The same program means the same with and without --all: it runs on each page's body (as gh's --paginate).
        assertThat(run(
                                "client",
                                "list",
                                "--service-id",
                                "1",
                                "--all",
                                "--page-size",
                                "2",
                                "--jq",
                                ".clients[].clientName")
                        .out())
                .isEqualTo("\"c0\"\n\"c1\"\n\"c2\"\n");
        assertThat(run("client", "list", "--service-id", "1", "--all", "--page-size", "2", "--jq", ".totalCount")
                        .out())
                .as("once per page")
                .isEqualTo("3\n3\n");
    }
}
