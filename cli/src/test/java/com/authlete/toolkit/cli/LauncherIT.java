package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar through the real {@code ./authlete} launcher, against an in-process stub server. */
class LauncherIT {

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer()
                .handler(request -> Reply.json(200, "{\"f\":1.10,\"n\":123456789012345678901234567890}"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void pipedJsonIsMergedUnderTheFlags() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of("AUTHLETE_BEARER", "launcher-token"),
                "{\"clientName\":\"x\"}",
                List.of(
                        "client",
                        "create",
                        "--service-id",
                        "715948317",
                        "--client-name",
                        "y",
                        "--server-url",
                        stub.url()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stub.lastRequest().body()).isEqualTo("{\"clientName\":\"y\"}");
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer launcher-token");
        assertThat(result.out()).isEqualTo("{\"f\":1.10,\"n\":123456789012345678901234567890}\n");
        assertThat(result.err()).isEmpty();
    }

    /** Long help goes through $PAGER on a real terminal (a pty made by script(1)), and straight out when piped. */
    @Test
    void helpIsPagedOnATerminalOnly(@TempDir Path dir) throws Exception {
        Path paged = dir.resolve("paged.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        "script", "-qec", LauncherProcess.launcher() + " client --help", "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("PAGER", "cat > " + paged);
        builder.environment().put("AUTHLETE_CACHE", "off");
        Process process = builder.start();
        String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(Files.readString(paged))
                .startsWith("Usage: authlete client <command>")
                .contains("management");
        assertThat(screen).doesNotContain("Usage: authlete client");

        Files.delete(paged);
        LauncherProcess.Result piped =
                LauncherProcess.run(Map.of("PAGER", "cat > " + paged), null, List.of("client", "--help"));
        assertThat(piped.out()).startsWith("Usage: authlete client <command>");
        assertThat(paged).doesNotExist();
    }

    /** On a real terminal (a pty made by script(1)) the --all progress line never stays glued to an item. */
    @Test
    void theProgressLineIsClearedBeforeItemsOnARealTerminal() throws Exception {
        stub.handler(request -> {
            Matcher range = Pattern.compile("start=(\\d+)&end=(\\d+)").matcher(request.target());
            range.find();
            int start = Integer.parseInt(range.group(1));
            int end = Math.min(Integer.parseInt(range.group(2)), 5);
            StringBuilder json =
                    new StringBuilder("{\"start\":" + start + ",\"end\":" + end + ",\"totalCount\":5,\"clients\":[");
            for (int i = start; i < end; i++) {
                json.append(i > start ? "," : "")
                        .append("{\"clientId\":")
                        .append(i)
                        .append('}');
            }
            return Reply.json(200, json.append("]}").toString());
        });
        ProcessBuilder builder = new ProcessBuilder(
                        "script",
                        "-qec",
                        LauncherProcess.launcher() + " client list --service-id 1 --all"
                                + " --page-size 2 -F json --server-url " + stub.url(),
                        "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("AUTHLETE_BEARER", "t");
        builder.environment().put("AUTHLETE_CACHE", "off");
        Process process = builder.start();
        String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(screen).isZero();
        assertThat(screen).contains("fetched 2 of 5 items");
        // What the terminal shows: each line from its last carriage return on, erase-line codes applied.
        List<String> lines = Arrays.stream(screen.split("\n"))
                .map(line -> line.replaceAll("\r+$", ""))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).replace("\u001b[K", ""))
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines)
                .hasSize(5)
                .allSatisfy(
                        line -> assertThat(line).startsWith("{\"clientId\":").doesNotContain("fetched"));
    }

    @Test
    void pipedJsonAloneIsTheBody() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of("AUTHLETE_BEARER", "t"),
                "{\"parameters\":\"response_type=code&client_id=1\"}",
                List.of("authorization", "process-request", "--service-id", "1", "--server-url", stub.url()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stub.lastRequest().body()).isEqualTo("{\"parameters\":\"response_type=code&client_id=1\"}");
    }

    @Test
    void errorsAreOneLineOnStderrWithTheDocumentedStatus() throws Exception {
        stub.handler(
                request -> Reply.json(403, "{\"resultCode\":\"A001215\",\"resultMessage\":\"[A001215] Forbidden.\"}"));
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of("AUTHLETE_BEARER", "t"),
                null,
                List.of("service", "get", "--service-id", "1", "--server-url", stub.url()));

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).isEqualTo("error: [A001215] Forbidden. (HTTP 403)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpAndVersionWorkWithoutAnyToken() throws Exception {
        LauncherProcess.Result help = LauncherProcess.run(Map.of(), null, List.of("client", "create", "--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("authlete client create", "--client-name <string>");

        LauncherProcess.Result version = LauncherProcess.run(Map.of(), null, List.of("--version"));
        assertThat(version.out()).startsWith("authlete ");
    }

    /**
     * apply on a real terminal (a pty made by script(1)): the plan in colour, the question, the answer typed, the
     * changes made; then export, diff and apply through the real launcher as a CI job runs them (no terminal).
     */
    @Test
    void applyAsksOnARealTerminalAndTheWorkflowRunsInAPipeline(@TempDir Path dir) throws Exception {
        try (FakeAuthlete fake = new FakeAuthlete("715948317", "t")) {
            fake.addClient((ObjectNode)
                    JsonTrees.NODES.objectNode().put("clientName", "Web app").put("clientType", "CONFIDENTIAL"));
            Map<String, String> environment = Map.of("AUTHLETE_BEARER", "t", "AUTHLETE_SERVICE_ID", "715948317");
            String config = dir.resolve("config").toString();
            LauncherProcess.Result export = LauncherProcess.run(
                    environment, null, List.of("export", "--dir", config, "--server-url", fake.url()));
            assertThat(export.exitCode()).as(export.err()).isZero();
            Path file = dir.resolve("config/clients/web-app.yaml");
            Files.writeString(file, Files.readString(file).replace("clientType: CONFIDENTIAL", "clientType: PUBLIC"));

            LauncherProcess.Result diff = LauncherProcess.run(
                    environment, null, List.of("diff", "--dir", config, "--server-url", fake.url()));
            assertThat(diff.exitCode()).isEqualTo(1);
            assertThat(diff.out())
                    .contains("~ clientType: CONFIDENTIAL -> PUBLIC")
                    .doesNotContain("\u001b[");

            ProcessBuilder builder = new ProcessBuilder(
                            "script",
                            "-qec",
                            LauncherProcess.launcher() + " apply --dir " + config + " --server-url " + fake.url(),
                            "/dev/null")
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            builder.environment().put("AUTHLETE_CACHE", "off");
            builder.environment().remove("NO_COLOR");
            Process process = builder.start();
            StringBuilder screen = new StringBuilder();
            InputStream output = process.getInputStream();
            // Answer only once the question is on the screen, as a person would.
            while (!screen.toString().contains("[y/N]")) {
                int c = output.read();
                assertThat(c).as("the question never came: %s", screen).isNotEqualTo(-1);
                screen.append((char) c);
            }
            assertThat(screen.toString())
                    .as("the plan is on the screen before the question, not after the answer")
                    .contains("clientType: CONFIDENTIAL -> PUBLIC");
            process.getOutputStream().write("y\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            screen.append(new String(output.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(process.waitFor()).as(screen.toString()).isZero();
            assertThat(screen.toString())
                    .contains(
                            "\u001b[33m~ clientType: CONFIDENTIAL -> PUBLIC\u001b[0m",
                            "Apply 1 change to service 715948317? [y/N]",
                            "updated client Web app",
                            "Applied 1 change");
            assertThat(fake.clients().get(0).path("clientType").asText()).isEqualTo("PUBLIC");

            LauncherProcess.Result again = LauncherProcess.run(
                    environment, null, List.of("diff", "--dir", config, "--server-url", fake.url()));
            assertThat(again.exitCode()).as(again.out()).isZero();
        }
    }
}
