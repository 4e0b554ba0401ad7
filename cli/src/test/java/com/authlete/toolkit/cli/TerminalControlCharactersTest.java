package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * C1 control characters (U+009B CSI, U+009D OSC: escape sequences in one character) from a server never reach a
 * terminal raw, in any output format, whole answers or paged items; JSON stays valid and means the same.
 */
class TerminalControlCharactersTest {

    /** CSI 2 J (clear the screen), OSC 0 (retitle the window), and a C0 escape for comparison. */
    private static final String HOSTILE = "Shop\u009b2J\u009d0;PWNED\u0007\u001b[31m";

    private static final String CLIENT = "{\"clientId\":1,\"clientName\":" + json(HOSTILE) + "}";

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer()
                .handler(request -> request.target().contains("/client/get/list")
                        ? Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":1,\"clients\":[" + CLIENT + "]}")
                        : Reply.json(200, CLIENT));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static String json(String text) {
        return JsonTrees.NODES.textNode(text).toString();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--service-id", "1", "--server-url", stub.url(), "--color", "never"));
        return new CliHarness()
                .env("AUTHLETE_BEARER", "token-1234567890")
                .terminalOutput()
                .run(all.toArray(String[]::new));
    }

    private static void noRawControl(String output, String what) {
        assertThat(output.chars().filter(c -> (c >= 0x80 && c <= 0x9f) || c == 0x1b || c == 0x07))
                .as(what + ": " + output)
                .isEmpty();
    }

    @Test
    void everyFormatOnATerminalEscapesC1() {
        for (String format : new String[] {"json", "pretty", "yaml", "toon", "table"}) {
            CliHarness.Result result = run("client", "get", "--client-id", "1", "-F", format);
            assertThat(result.exitCode()).as(format + ": " + result.err()).isZero();
            noRawControl(result.out(), format);
            assertThat(result.out()).as(format).contains("Shop").containsIgnoringCase("009b");
        }
    }

    @Test
    void jsonOnATerminalStaysValidAndMeansTheSame() throws Exception {
        CliHarness.Result result = run("client", "get", "--client-id", "1", "-F", "json");
        assertThat(JsonTrees.parse(result.out().getBytes()).path("clientName").asText())
                .isEqualTo(HOSTILE);
    }

    @Test
    void pagedItemsAndJqResultsEscapeC1Too() {
        for (String[] args : new String[][] {
            {"client", "list", "--all", "-F", "json"},
            {"client", "list", "--all", "-F", "pretty"},
            {"client", "get", "--client-id", "1", "--jq", ".clientName"},
            {"client", "get", "--client-id", "1", "--jq", ".clientName", "--raw"}
        }) {
            CliHarness.Result result = run(args);
            assertThat(result.exitCode())
                    .as(String.join(" ", args) + ": " + result.err())
                    .isZero();
            noRawControl(result.out(), String.join(" ", args));
            assertThat(result.out()).as(String.join(" ", args)).contains("Shop");
        }
    }

    @Test
    void aPipeGetsTheAnswerAsSent() throws Exception {
        CliHarness.Result piped = new CliHarness()
                .env("AUTHLETE_BEARER", "token-1234567890")
                .run(
                        "client",
                        "get",
                        "--client-id",
                        "1",
                        "--service-id",
                        "1",
                        "--server-url",
                        stub.url(),
                        "-F",
                        "json");
        assertThat(JsonTrees.parse(piped.out().getBytes()).path("clientName").asText())
                .isEqualTo(HOSTILE);
    }
}
