package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code export} and {@code diff} read every client through the engine's item stream, whose paging guards stop a
 * list that never ends or does not page: one line, exit 1, and no file written.
 */
class ExportAgainstHostileListsTest {

    private static final Pattern START = Pattern.compile("start=(\\d+)");

    /** A server whose client list is made by {@code page} from the start asked for. */
    private static StubServer server(IntFunction<String> page) throws Exception {
        return new StubServer().handler(request -> {
            if (request.target().startsWith("/api/1/service/get")) {
                return Reply.json(200, "{\"apiKey\":1,\"serviceName\":\"Hostile\"}");
            }
            Matcher start = START.matcher(request.target());
            return Reply.json(200, page.apply(start.find() ? Integer.parseInt(start.group(1)) : 0));
        });
    }

    private static String clients(int from, int count, long total, Integer echoedStart) {
        StringBuilder json = new StringBuilder("{\"totalCount\":" + total
                + (echoedStart == null ? "" : ",\"start\":" + echoedStart) + ",\"clients\":[");
        for (int i = 0; i < count; i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"clientId\":")
                    .append(from + i)
                    .append(",\"clientName\":\"c")
                    .append(from + i)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static void refusedWithNothingWritten(IntFunction<String> page, String reason) throws Exception {
        try (StubServer api = server(page)) {
            Path dir = TempDirs.create("hostile-list").resolve("config");
            for (String command : new String[] {"export", "diff"}) {
                if (command.equals("diff")) {
                    Files.createDirectories(dir.resolve("clients"));
                    Files.writeString(dir.resolve("service.yaml"), "serviceName: Hostile\n");
                }
                CliHarness.Result result = new CliHarness()
                        .env("AUTHLETE_BEARER", "token-1234567890")
                        .run(command, "--service-id", "1", "--dir", dir.toString(), "--server-url", api.url());
                assertThat(result.exitCode())
                        .as(command + ": " + result.err())
                        .isEqualTo(command.equals("export") ? ExitCode.ERROR.status() : ExitCode.USAGE.status());
                assertThat(result.err())
                        .as(command)
                        .startsWith("error: ")
                        .contains(reason)
                        .doesNotContain("Exception");
                assertThat(result.err().lines()).as(command).hasSize(1);
                if (command.equals("export")) {
                    assertThat(Files.exists(dir)).as("export wrote nothing").isFalse();
                }
            }
        }
    }

    @Test
    void aListThatKeepsGrowingIsStopped() throws Exception {
        // Every page is full and the count grows with it: without a guard, an endless walk.
        refusedWithNothingWritten(start -> clients(start, 100, start + 1000L, start), "kept sending pages");
    }

    @Test
    void aServerThatIgnoresStartIsStopped() throws Exception {
        refusedWithNothingWritten(start -> clients(0, 100, 250, null), "does not page");
    }

    @Test
    void aServerThatEchoesAnotherStartIsStopped() throws Exception {
        refusedWithNothingWritten(start -> clients(0, 100, 250, 0), "does not page");
    }
}
