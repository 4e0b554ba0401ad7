package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and bad answers, end to end through the real launcher: each case asserts the documented exit code,
 * a one-line message on stderr, and no stack trace.
 */
class BadInputIT {

    private static final Pattern RANGE = Pattern.compile("start=(\\d+)&end=(\\d+)");
    private static StubServer stub;
    private static ServerSocket truncating;
    /** Accepts connections and never says a word. */
    private static ServerSocket stalling;

    private static final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private static int closedPort;

    @TempDir
    static Path files;

    /** One case: arguments (the stub's URL is added unless the case names a server), stdin, expectations. */
    record Case(String name, List<String> args, String stdin, int exit, String message) {}

    @BeforeAll
    static void start() throws Exception {
        byte[] big = ("{\"data\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        stub = new StubServer().handler(request -> {
            String path = request.target();
            if (path.contains("/api/ignorespaging/client/get/list")) {
                return Reply.json(200, "{\"clients\":[{\"clientId\":1},{\"clientId\":2}],\"totalCount\":1000000}");
            }
            if (path.contains("/client/get/list")) {
                Matcher m = RANGE.matcher(path);
                int start = m.find() ? Integer.parseInt(m.group(1)) : 0;
                int end = m.group(2) == null ? start : Integer.parseInt(m.group(2));
                if (path.contains("/api/slow/")) {
                    Thread.sleep(300);
                }
                StringBuilder page = new StringBuilder(
                        "{\"start\":" + start + ",\"end\":" + end + ",\"totalCount\":1000000,\"clients\":[");
                for (int i = start; i < end; i++) {
                    page.append(i > start ? "," : "")
                            .append("{\"clientId\":")
                            .append(i)
                            .append('}');
                }
                return Reply.json(200, page.append("]}").toString());
            }
            String service = path.split("/")[2];
            return switch (service) {
                case "e401", "e403", "e404", "e429", "e500", "e400" ->
                    Reply.json(
                            Integer.parseInt(service.substring(1)),
                            "{\"resultCode\":\"A00" + service + "\",\"resultMessage\":\"[A00" + service
                                    + "] refused.\"}");
                case "html502" ->
                    new Reply(
                            502,
                            Map.of("Content-Type", "text/html"),
                            "<html><body>Bad gateway</body></html>".getBytes());
                case "empty" -> new Reply(200, Map.of("Content-Type", "application/json"), new byte[0]);
                case "deep" -> Reply.json(200, "{\"a\":".repeat(1500) + "1" + "}".repeat(1500));
                case "html200" ->
                    new Reply(
                            200,
                            Map.of("Content-Type", "text/html; charset=utf-8"),
                            "<!DOCTYPE html><html><title>Sign in</title></html>".getBytes());
                case "redirect" ->
                    new Reply(
                            302,
                            Map.of("Location", "https://login.example.com/sso?session_token=s3cr3t&next=/"),
                            new byte[0]);
                case "escapes" ->
                    Reply.json(400, "{\"resultCode\":\"A1\",\"resultMessage\":\"\\u001b[2J\\u001b[1;1Hall good\"}");
                case "badjson" -> Reply.json(200, "{\"serviceName\": \"S\", \"tru");
                case "big" -> new Reply(200, Map.of("Content-Type", "application/json"), big);
                case "latin1" ->
                    new Reply(200, Map.of("Content-Type", "application/json"), new byte[] {
                        '{', '"', 'n', '"', ':', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '}'
                    });
                default -> Reply.json(200, "{\"serviceName\":\"S\",\"number\":1}");
            };
        });
        truncating = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!truncating.isClosed()) {
                try (Socket socket = truncating.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n"
                                            + "Connection: close\r\n\r\n{\"serviceName\":\"S\"")
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception ignored) {
                    // Closed at the end of the test.
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread staller = new Thread(() -> {
            while (!stalling.isClosed()) {
                try {
                    stalled.add(stalling.accept());
                } catch (Exception ignored) {
                    // Closed at the end of the test.
                }
            }
        });
        staller.setDaemon(true);
        staller.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        stub.close();
        truncating.close();
        stalling.close();
        for (Socket socket : stalled) {
            socket.close();
        }
    }

    private static Case ok(String name, String stdin, int exit, String message, String... args) {
        return new Case(name, List.of(args), stdin, exit, message);
    }

    private static List<Case> cases() throws Exception {
        Path badJson = Files.writeString(files.resolve("bad.json"), "{\n  \"clientName\": \"x\",\n  oops\n}");
        Path latin1 = files.resolve("latin1.json");
        Files.write(latin1, new byte[] {
            '{',
            '"',
            'c',
            'l',
            'i',
            'e',
            'n',
            't',
            'N',
            'a',
            'm',
            'e',
            '"',
            ':',
            '"',
            'c',
            'a',
            'f',
            (byte) 0xe9,
            '"',
            '}'
        });
        Path empty = Files.writeString(files.resolve("empty.json"), "\n");
        Path huge = files.resolve("huge.json");
        Files.write(
                huge,
                ("{\"description\":\"" + "y".repeat(17 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII));
        List<Case> cases = new ArrayList<>(List.of(
                ok(
                        "malformed JSON in --body",
                        null,
                        2,
                        "--body is not valid JSON",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "{\"a\":"),
                ok(
                        "malformed JSON on stdin names line and column",
                        "{\"clientName\": }",
                        2,
                        "the JSON on standard input is not valid JSON",
                        "client",
                        "create",
                        "--service-id",
                        "1"),
                ok(
                        "malformed JSON in @file names the file, line and column",
                        null,
                        2,
                        "--body file " + badJson + " is not valid JSON",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "@" + badJson),
                ok(
                        "trailing garbage after JSON",
                        null,
                        2,
                        "--body is not valid JSON",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "{} x"),
                ok(
                        "body that is an array cannot merge with flags",
                        null,
                        2,
                        "both must be JSON objects",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "[1]",
                        "--client-name",
                        "x"),
                ok(
                        "integer expected",
                        null,
                        2,
                        "--start expects an integer, got 'abc'",
                        "service",
                        "list",
                        "--start",
                        "abc"),
                ok(
                        "integer expected in body",
                        null,
                        2,
                        "--default-max-age expects an integer",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--default-max-age",
                        "1.5"),
                ok(
                        "boolean expected",
                        null,
                        2,
                        "--locked expects true or false",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--locked",
                        "yes"),
                ok(
                        "unknown enum value",
                        null,
                        2,
                        "--client-type does not accept 'SECRET'; allowed values: PUBLIC, CONFIDENTIAL",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--client-type",
                        "SECRET"),
                ok(
                        "unknown enum item",
                        null,
                        2,
                        "--grant-types does not accept 'FOO'",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--grant-types",
                        "FOO"),
                ok(
                        "object field needs JSON",
                        null,
                        2,
                        "--attributes is not valid JSON",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--attributes",
                        "key=value"),
                ok("unknown flag", null, 2, "unknown flag or argument: --colour", "service", "list", "--colour"),
                ok("flag without its value", null, 2, "--start", "service", "list", "--start"),
                ok("unknown command", null, 2, "unknown command 'client frob'", "client", "frob"),
                ok(
                        "missing required path parameter",
                        null,
                        2,
                        "missing required flag --client-id",
                        "client",
                        "get",
                        "--service-id",
                        "1"),
                ok(
                        "missing required query parameter",
                        null,
                        2,
                        "missing required flag --subject",
                        "client",
                        "management",
                        "list-authorized-applications",
                        "--service-id",
                        "1"),
                ok("missing required body", null, 2, "needs a request body", "token", "process", "--service-id", "1"),
                ok(
                        "missing required body field",
                        null,
                        2,
                        "missing required body field 'parameters'",
                        "authorization",
                        "process-request",
                        "--service-id",
                        "1",
                        "--body",
                        "{\"context\":\"x\"}"),
                ok(
                        "body for an operation without one",
                        null,
                        2,
                        "takes no request body",
                        "service",
                        "get",
                        "--service-id",
                        "1",
                        "--body",
                        "{}"),
                ok(
                        "body file missing",
                        null,
                        2,
                        "--body file not found",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "@/nonexistent/b.json"),
                ok(
                        "body file over 16 MiB",
                        null,
                        2,
                        "holds more than 16 MiB",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "@" + huge),
                ok(
                        "server index out of range",
                        null,
                        2,
                        "--server expects 0 or us, 1 or jp, 2 or eu, 3 or br, got '4'",
                        "service",
                        "list",
                        "--server",
                        "4"),
                ok(
                        "server url without scheme",
                        null,
                        2,
                        "--server-url",
                        "service",
                        "list",
                        "--server-url",
                        "localhost:4010"),
                ok("unknown output format", null, 2, "unknown output format 'xml'", "service", "list", "-F", "xml"),
                ok(
                        "bad colour choice",
                        null,
                        2,
                        "--color expects auto, always or never",
                        "service",
                        "list",
                        "--color",
                        "sometimes"),
                ok("jq syntax error", null, 2, "invalid jq program", "service", "list", "--jq", ".[ | x"),
                ok(
                        "--all on a single object",
                        null,
                        2,
                        "not a paginated list",
                        "service",
                        "get",
                        "--service-id",
                        "1",
                        "--all"),
                ok(
                        "bad page size",
                        null,
                        2,
                        "--page-size expects a positive integer",
                        "client",
                        "list",
                        "--service-id",
                        "1",
                        "--all",
                        "--page-size",
                        "many"),
                ok("bad timeout", null, 2, "--timeout expects a duration", "service", "list", "--timeout", "forever"),
                ok("bad retry count", null, 2, "--retry expects a number", "service", "list", "--retry", "x"),
                ok(
                        "-o into a missing directory",
                        null,
                        2,
                        "-o: no such directory",
                        "service",
                        "list",
                        "-o",
                        "/nonexistent/dir/out.json"),
                ok(
                        "API 400 with resultMessage",
                        null,
                        1,
                        "[A00e400] refused. (HTTP 400)",
                        "service",
                        "get",
                        "--service-id",
                        "e400"),
                ok("API 401", null, 3, "[A00e401] refused. (HTTP 401)", "service", "get", "--service-id", "e401"),
                ok("API 403", null, 4, "(HTTP 403)", "service", "get", "--service-id", "e403"),
                ok("API 404", null, 5, "(HTTP 404)", "service", "get", "--service-id", "e404"),
                ok("API 429", null, 6, "(HTTP 429)", "service", "get", "--service-id", "e429", "--retry", "0"),
                ok("API 500", null, 7, "(HTTP 500)", "service", "get", "--service-id", "e500", "--retry", "0"),
                ok(
                        "HTML 502 body",
                        null,
                        7,
                        "the API answered HTTP 502 Bad Gateway",
                        "service",
                        "get",
                        "--service-id",
                        "html502",
                        "--retry",
                        "0"),
                ok(
                        "empty 200 body",
                        null,
                        1,
                        "HTTP 200 with an empty body where JSON was expected",
                        "service",
                        "get",
                        "--service-id",
                        "empty"),
                ok(
                        "empty 200 body as yaml",
                        null,
                        1,
                        "empty body",
                        "service",
                        "get",
                        "--service-id",
                        "empty",
                        "-F",
                        "yaml"),
                ok(
                        "HTML page on a 200",
                        null,
                        1,
                        "HTTP 200 with text/html; charset=utf-8 that is not JSON (it starts with '<!DOCTYPE html>",
                        "service",
                        "get",
                        "--service-id",
                        "html200"),
                ok(
                        "HTML page on a 200 as a table",
                        null,
                        1,
                        "that is not JSON",
                        "service",
                        "get",
                        "--service-id",
                        "html200",
                        "-F",
                        "table"),
                ok(
                        "redirect is an error, not followed",
                        null,
                        1,
                        "HTTP 302 Found, a redirect to https://login.example.com/sso?session_token=[REDACTED]&next=/; not followed",
                        "service",
                        "get",
                        "--service-id",
                        "redirect"),
                ok(
                        "escape sequences in an API message",
                        null,
                        1,
                        "\\u001b[2J\\u001b[1;1Hall good",
                        "service",
                        "get",
                        "--service-id",
                        "escapes"),
                ok(
                        "a server that ignores paging",
                        null,
                        1,
                        "the server sent the same page again for start=2: it does not page",
                        "client",
                        "list",
                        "--service-id",
                        "ignorespaging",
                        "--all",
                        "--page-size",
                        "2"),
                ok(
                        "response nested 1500 levels deep, pretty",
                        null,
                        1,
                        "nesting depth (1001) exceeds the maximum allowed (1000)",
                        "service",
                        "get",
                        "--service-id",
                        "deep",
                        "-F",
                        "pretty"),
                ok(
                        "response nested 1500 levels deep, yaml",
                        null,
                        1,
                        "nesting depth",
                        "service",
                        "get",
                        "--service-id",
                        "deep",
                        "-F",
                        "yaml"),
                ok(
                        "response nested 1500 levels deep, --fields",
                        null,
                        1,
                        "nesting depth",
                        "service",
                        "get",
                        "--service-id",
                        "deep",
                        "--fields",
                        "a"),
                ok(
                        "20 MB string as yaml",
                        null,
                        1,
                        "exceeds the maximum allowed (20000000); -F json passes it through",
                        "service",
                        "get",
                        "--service-id",
                        "big",
                        "-F",
                        "yaml"),
                ok(
                        "body file that is not UTF-8",
                        null,
                        2,
                        "--body file " + latin1 + " is not valid UTF-8 (a bad byte at offset 18)",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "@" + latin1),
                ok(
                        "empty --body",
                        null,
                        2,
                        "--body is empty; give a JSON object",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        ""),
                ok(
                        "empty --body file",
                        null,
                        2,
                        "is empty; give a JSON object",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "@" + empty),
                ok(
                        "empty --body @-",
                        "",
                        2,
                        "--body @- found nothing on standard input",
                        "client",
                        "create",
                        "--service-id",
                        "1",
                        "--body",
                        "@-"),
                ok(
                        "absurd timeout",
                        null,
                        2,
                        "--timeout must be at most 24h",
                        "service",
                        "list",
                        "--timeout",
                        "999999999999999999h"),
                ok(
                        "absurd read timeout",
                        null,
                        2,
                        "--read-timeout must be at most 24h",
                        "service",
                        "list",
                        "--read-timeout",
                        "25h"),
                ok(
                        "bad connect timeout",
                        null,
                        2,
                        "--connect-timeout expects a duration",
                        "service",
                        "list",
                        "--connect-timeout",
                        "soon"),
                ok(
                        "token with a control character",
                        null,
                        2,
                        "the API token has a control character at position 5",
                        "service",
                        "list",
                        "--bearer",
                        "abcd\u001bEFGHIJKLMNOP"),
                ok(
                        "service id that climbs out of the path",
                        null,
                        2,
                        "--service-id",
                        "service",
                        "get",
                        "--service-id",
                        ".."),
                ok(
                        "invalid JSON response when a format needs it",
                        null,
                        1,
                        "the response is not valid JSON",
                        "service",
                        "get",
                        "--service-id",
                        "badjson",
                        "-F",
                        "yaml"),
                ok("20 MB response", null, 0, "", "service", "get", "--service-id", "big"),
                ok("non-UTF-8 bytes pass through untouched", null, 0, "", "service", "get", "--service-id", "latin1"),
                ok(
                        "non-UTF-8 bytes when a format needs parsing",
                        null,
                        1,
                        "the response is not valid JSON",
                        "service",
                        "get",
                        "--service-id",
                        "latin1",
                        "-F",
                        "pretty")));
        cases.add(new Case(
                "unreachable host",
                List.of("service", "list", "--server-url", "http://127.0.0.1:" + closedPort),
                null,
                8,
                "cannot connect"));
        cases.add(new Case(
                "DNS failure",
                List.of("service", "list", "--server-url", "https://no-such-host.invalid"),
                null,
                8,
                "unknown host"));
        cases.add(new Case(
                "TLS failure (plain http port spoken to with https)",
                List.of(
                        "service",
                        "list",
                        "--retry",
                        "0",
                        "--server-url",
                        "https://127.0.0.1:" + truncating.getLocalPort()),
                null,
                8,
                "TLS failure"));
        cases.add(new Case(
                "response body cut short",
                List.of("service", "list", "--server-url", "http://127.0.0.1:" + truncating.getLocalPort()),
                null,
                8,
                "the connection failed while reading the response"));
        cases.add(new Case(
                "plain http to a remote host",
                List.of("service", "list", "--server-url", "http://api.example.com"),
                null,
                2,
                "refusing plain http"));
        for (String lookAlike : List.of(
                "http://127.0.0.1.attacker.example",
                "http://127.x.attacker.example",
                "http://evil.localhost",
                "http://localhost.attacker.example",
                "http://[::ffff:8.8.8.8]")) {
            cases.add(new Case(
                    "plain http to a loopback look-alike " + lookAlike,
                    List.of("service", "list", "--server-url", lookAlike),
                    null,
                    2,
                    "refusing plain http"));
        }
        cases.add(new Case(
                "a server that accepts and never answers",
                List.of(
                        "service",
                        "list",
                        "--retry",
                        "0",
                        "--read-timeout",
                        "1s",
                        "--server-url",
                        "http://127.0.0.1:" + stalling.getLocalPort()),
                null,
                8,
                "timed out"));
        cases.add(new Case(
                "a TLS server that accepts and never answers",
                List.of(
                        "service",
                        "list",
                        "--retry",
                        "0",
                        "--read-timeout",
                        "1s",
                        "--server-url",
                        "https://127.0.0.1:" + stalling.getLocalPort()),
                null,
                8,
                "timed out"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> eachCase() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    List<String> args = new ArrayList<>(c.args());
                    if (!args.contains("--server-url") && !args.contains("--server")) {
                        args.addAll(List.of("--server-url", stub.url()));
                    }
                    LauncherProcess.Result result =
                            LauncherProcess.run(Map.of("AUTHLETE_BEARER", "t"), c.stdin(), args);
                    assertThat(result.exitCode())
                            .as("exit code; stderr: %s", result.err())
                            .isEqualTo(c.exit());
                    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread");
                    if (c.exit() == 0) {
                        assertThat(result.err()).isEmpty();
                    } else {
                        assertThat(result.err())
                                .startsWith("error: ")
                                .contains(c.message())
                                .hasLineCount(1);
                    }
                }));
    }

    /** A full disk (a 16 KiB tmpfs in a mount namespace of the test's own) is one line that names the file. */
    @Test
    void aFullDiskNamesTheFile() throws Exception {
        Path mountPoint = Files.createDirectories(files.resolve("tiny"));
        ProcessBuilder builder = new ProcessBuilder(
                        "unshare",
                        "-rm",
                        "bash",
                        "-c",
                        "mount -t tmpfs -o size=16k tmpfs \"$1\" && exec \"$2\" service get --service-id big --server-url \"$3\" -o \"$1/out.json\"",
                        "full-disk",
                        mountPoint.toString(),
                        LauncherProcess.launcher().toString(),
                        stub.url())
                .redirectInput(new File("/dev/null"));
        builder.environment().put("AUTHLETE_BEARER", "t");
        builder.environment().put("AUTHLETE_KEYCHAIN", "none");
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(err)
                .startsWith("error: I/O error: cannot write " + mountPoint.resolve("out.json")
                        + ": No space left on device")
                .hasLineCount(1);
    }

    @Test
    void missingTokenIsExitThree() throws Exception {
        LauncherProcess.Result result =
                LauncherProcess.run(Map.of(), null, List.of("service", "list", "--server-url", stub.url()));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .isEqualTo("error: no API token: run 'authlete auth login', pass --bearer or set AUTHLETE_BEARER\n");
    }

    @Test
    void aClosedPipeStopsTheWorkQuietly() throws Exception {
        int before = stub.requests().size();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        "-c",
                        "set -o pipefail; \"$0\" client list --service-id 1 --all --page-size 1000 "
                                + "--server-url \"$1\" | head -1",
                        LauncherProcess.launcher().toString(),
                        stub.url())
                .redirectInput(new File("/dev/null"));
        builder.environment().put("AUTHLETE_BEARER", "t");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("{\"clientId\":0}\n");
        assertThat(err).isEmpty();
        assertThat(process.exitValue()).isZero();
        // 1,000,000 items would be 1,000 pages: it stopped soon after the reader went away.
        assertThat(stub.requests().size() - before).isLessThan(50);
    }

    @Test
    void ctrlCDuringAllEndsWithoutAStackTrace() throws Exception {
        Path out = files.resolve("interrupted.ndjson");
        Path err = files.resolve("interrupted.err");
        ProcessBuilder builder = new ProcessBuilder(
                        LauncherProcess.launcher().toString(),
                        "client",
                        "list",
                        "--service-id",
                        "slow",
                        "--all",
                        "--page-size",
                        "10",
                        "--server-url",
                        stub.url())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("AUTHLETE_BEARER", "t");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.size(out) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.size(out)).as("items arrived before the interrupt").isPositive();
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .start()
                .waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(130);
        assertThat(Files.readString(err)).doesNotContain("\tat ", "Exception");
    }
}
