package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auth login/status/logout/token, configure, link, profiles and the settings chain, in-process. */
class BuiltinCommandsTest {

    static final String GOOD = "good-token-1234567890";

    private StubServer api;

    @BeforeEach
    void start() throws Exception {
        // Accepts only the good token, like the real API.
        api = new StubServer()
                .handler(request -> ("Bearer " + GOOD).equals(request.header("Authorization"))
                        ? Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":0,\"services\":[],\"clients\":[]}")
                        : Reply.json(
                                401,
                                "{\"resultCode\":\"A001101\",\"resultMessage\":\"[A001101] Authentication failed.\"}"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void loginChecksTheTokenFirstAndStoresNothingWhenTheApiRejectsIt() {
        CliHarness cli = new CliHarness();
        CliHarness.Result rejected =
                cli.pipe("bad-token-0000000000\n").run("auth", "login", "--token-stdin", "--server-url", api.url());

        assertThat(rejected.exitCode()).isEqualTo(3);
        assertThat(rejected.err())
                .contains("the API rejected this token", "nothing was stored")
                .hasLineCount(1);
        assertThat(Files.exists(cli.configFile())).isFalse();
        assertThat(api.lastRequest().target()).isEqualTo("/api/service/get/list?start=0&end=1");
    }

    @Test
    void loginStoresTheNormalisedTokenWhichTheOtherCommandsThenUse() throws Exception {
        CliHarness cli = new CliHarness();
        CliHarness.Result login =
                cli.pipe("  Bearer " + GOOD + "  \n").run("auth", "login", "--token-stdin", "--server-url", api.url());
        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.err())
                .contains(
                        "warning: no keychain available",
                        "plain text",
                        cli.configFile().toString())
                .contains("good\u20267890")
                .doesNotContain(GOOD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())))
                .isEqualTo("rw-------");

        CliHarness.Result list = cli.run("service", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + GOOD);

        CliHarness.Result status = cli.run("auth", "status");
        assertThat(status.out())
                .contains("profile:     default", "token:       good\u20267890 (from " + cli.configFile())
                .contains("): valid\n")
                .contains("server:      " + api.url())
                .doesNotContain(GOOD);
        assertThat(cli.run("auth", "token").out()).isEqualTo(GOOD + "\n");

        assertThat(cli.run("auth", "logout").err()).contains("forgot the token of profile default");
        assertThat(cli.run("auth", "token").exitCode()).isEqualTo(3);
        assertThat(Files.readString(cli.configFile())).doesNotContain(GOOD);
    }

    @Test
    void authStatusAsksTheServerAboutTheTokenAndLogoutChecksTheProfile() {
        CliHarness revoked = new CliHarness()
                .env("AUTHLETE_BEARER", "revoked-token-0987654321")
                .env("AUTHLETE_SERVER_URL", api.url());
        assertThat(revoked.run("auth", "status").out())
                .as("checked with the server, as gh does")
                .contains("(from AUTHLETE_BEARER): rejected (HTTP 401)");
        assertThat(revoked.run("auth", "status", "--offline").out()).contains("not checked (--offline)");
        CliHarness unreachable =
                new CliHarness().env("AUTHLETE_BEARER", GOOD).env("AUTHLETE_SERVER_URL", "http://127.0.0.1:9");
        assertThat(unreachable.run("auth", "status", "--retry", "0").out()).contains("not checked (offline: ");

        CliHarness.Result logout = new CliHarness().run("auth", "logout", "--profile", "nosuch");
        assertThat(logout.exitCode()).as("one profile check everywhere").isEqualTo(2);
        assertThat(logout.err()).contains("unknown profile 'nosuch'");
    }

    @Test
    void aTokenOnTheCommandLineWorksButWarnsAndFilesWorkToo(@TempDir Path dir) throws Exception {
        CliHarness cli = new CliHarness();
        CliHarness.Result inline = cli.run("auth", "login", "--token", GOOD, "--server-url", api.url());
        assertThat(inline.exitCode()).isZero();
        assertThat(inline.err()).contains("warning: a token on the command line is visible to other users");

        Path file = Files.writeString(dir.resolve("token.txt"), GOOD + "\n");
        CliHarness.Result fromFile =
                new CliHarness().run("auth", "login", "--token-file", file.toString(), "--server-url", api.url());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.err()).doesNotContain("warning: a token on the command line");

        assertThat(new CliHarness()
                        .pipe("")
                        .run("auth", "login", "--server-url", api.url())
                        .err())
                .contains("give the token with --token-stdin, --token-file FILE or --token TOKEN");
    }

    @Test
    void theFlagBeatsTheEnvironmentWhichBeatsTheStoredToken() throws Exception {
        CliHarness cli = new CliHarness();
        cli.pipe(GOOD).run("auth", "login", "--token-stdin", "--server-url", api.url());
        cli.env("AUTHLETE_BEARER", "env-token-000000000");
        cli.run("service", "list");
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer env-token-000000000");
        cli.run("service", "list", "--bearer", "Bearer flag-token-00000000");
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer flag-token-00000000");
        assertThat(cli.run("auth", "status").out()).contains("(from AUTHLETE_BEARER)");
    }

    @Test
    void profilesHoldDifferentTokensAndSettings() throws Exception {
        CliHarness cli = new CliHarness();
        cli.pipe(GOOD)
                .run(
                        "auth",
                        "login",
                        "--token-stdin",
                        "--server-url",
                        api.url(),
                        "--profile",
                        "prod",
                        "--service-id",
                        "715948317");
        assertThat(cli.pipe("")
                        .run("configure", "--profile", "jp", "--server", "1", "--service-id", "42")
                        .exitCode())
                .isZero();

        cli.run("client", "list", "--profile", "prod");
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/client/get/list");
        cli.env("AUTHLETE_PROFILE", "prod").run("client", "list");
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/client/get/list");

        CliHarness.Result dryRun = cli.run("client", "list", "--profile", "jp", "--dry-run");
        assertThat(dryRun.err()).contains("> GET https://jp.authlete.com/api/42/client/get/list");

        CliHarness.Result all = cli.run("auth", "status", "--all");
        assertThat(all.out())
                .contains("prod", "good\u20267890", "715948317", "jp", "(none)", "42")
                .doesNotContain(GOOD);
    }

    @Test
    void theServerComesFromFlagThenEnvironmentThenProfileWhicheverOfServerOrUrlIsUsed() throws Exception {
        CliHarness cli = new CliHarness().env("AUTHLETE_BEARER", GOOD);
        assertThat(cli.run("configure", "--profile", "p", "--server-url", "https://profile.example.com")
                        .exitCode())
                .isZero();
        // A flag beats the environment and the profile, though --server is an index and the others URLs.
        assertThat(cli.env("AUTHLETE_SERVER_URL", "https://env.example.com")
                        .run("service", "list", "--profile", "p", "--server", "jp", "--dry-run")
                        .err())
                .contains("> GET https://jp.authlete.com/api/service/get/list");
        assertThat(cli.run("service", "list", "--profile", "p", "--dry-run").err())
                .contains("> GET https://env.example.com/");
        assertThat(new CliHarness()
                        .env("AUTHLETE_BEARER", GOOD)
                        .env(
                                "XDG_CONFIG_HOME",
                                cli.configFile().getParent().getParent().toString())
                        .run("service", "list", "--profile", "p", "--dry-run")
                        .err())
                .contains("> GET https://profile.example.com/");
        assertThat(new CliHarness()
                        .env("AUTHLETE_BEARER", GOOD)
                        .env("AUTHLETE_SERVER", "eu")
                        .env("AUTHLETE_SERVER_URL", "https://x.example.com")
                        .run("service", "list", "--dry-run")
                        .err())
                .as("same level: the URL wins")
                .contains("> GET https://x.example.com/");
        assertThat(new CliHarness()
                        .env("AUTHLETE_BEARER", GOOD)
                        .run("service", "list", "--server", "2", "--dry-run")
                        .err())
                .contains("> GET https://eu.authlete.com/");
        CliHarness.Result status = cli.run("auth", "status", "--profile", "p", "--server", "br");
        assertThat(status.out()).contains("server:      https://br.authlete.com (from flags)");
    }

    @Test
    void authStatusExitsOneWithoutATokenAndSpeaksJson() throws Exception {
        CliHarness cli = new CliHarness();
        CliHarness.Result none = cli.run("auth", "status");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).contains("token:       none", "server:      https://us.authlete.com");
        assertThat(none.err()).startsWith("error: no API token");

        CliHarness.Result json = cli.env("AUTHLETE_BEARER", GOOD).run("auth", "status", "-F", "json", "--debug");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out())
                .startsWith("{\"profile\":\"default\",\"token\":\"good\u20267890\",\"tokenSource\":\"AUTHLETE_BEARER\"")
                .contains("\"server\":\"https://us.authlete.com\"")
                .doesNotContain(GOOD)
                .endsWith("}\n");
        CliHarness.Result token = cli.run("auth", "token", "--output-format", "json");
        assertThat(token.out())
                .isEqualTo("{\"token\":\"" + GOOD + "\",\"profile\":\"default\",\"source\":\"AUTHLETE_BEARER\"}\n");
    }

    @Test
    void globalFlagsAreAcceptedByTheAccountCommandsOrRefusedInOneLine() throws Exception {
        CliHarness cli = new CliHarness();
        assertThat(cli.run("auth", "logout", "--yes").exitCode()).isZero();
        assertThat(cli.run("link", "42", "--debug").exitCode()).isZero();
        assertThat(cli.run("completion", "bash", "--debug").exitCode()).isZero();
        CliHarness.Result refused = cli.run("link", "42", "--jq", ".x", "--debug");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: ").hasLineCount(1).doesNotContain("\tat ");
        CliHarness.Result twoWays = cli.pipe(GOOD)
                .run("auth", "login", "--token-stdin", "--token-file", "/nonexistent", "--server-url", api.url());
        assertThat(twoWays.exitCode()).isEqualTo(2);
        assertThat(twoWays.err()).startsWith("error: give the token one way");
        CliHarness.Result login = cli.pipe(GOOD)
                .run("auth", "login", "--token-stdin", "--server-url", api.url(), "--timeout", "5s", "--debug");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @Test
    void anUnknownProfileIsAnErrorThatNamesIt() throws Exception {
        CliHarness cli = new CliHarness().env("AUTHLETE_BEARER", GOOD);
        cli.run("configure", "--profile", "prod", "--server-url", api.url());
        CliHarness.Result typo = cli.run("service", "list", "--profile", "prdo");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err())
                .startsWith("error: unknown profile 'prdo' (from flags)")
                .contains("profiles in ", ": prod")
                .hasLineCount(1);
        assertThat(cli.env("AUTHLETE_PROFILE", "nope").run("auth", "status").err())
                .contains("unknown profile 'nope'");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void serviceIdComesFromFlagThenEnvironmentThenLinkFileThenProfile() throws Exception {
        CliHarness cli = new CliHarness();
        cli.pipe(GOOD).run("auth", "login", "--token-stdin", "--server-url", api.url(), "--service-id", "from-profile");
        cli.run("client", "list");
        assertThat(api.lastRequest().target()).isEqualTo("/api/from-profile/client/get/list");

        Path project = Files.createDirectories(cli.workingDirectory().resolve("project"));
        CliHarness.Result link = cli.in(project).run("link", "from-link");
        assertThat(link.exitCode()).as(link.err()).isZero();
        assertThat(Files.readString(project.resolve(".authlete.yaml"))).contains("service-id: from-link");
        Path nested = Files.createDirectories(project.resolve("src/deep"));
        cli.in(nested).run("client", "list");
        assertThat(api.lastRequest().target()).isEqualTo("/api/from-link/client/get/list");

        cli.env("AUTHLETE_SERVICE_ID", "from-env").run("client", "list");
        assertThat(api.lastRequest().target()).isEqualTo("/api/from-env/client/get/list");
        cli.run("client", "list", "--service-id", "from-flag");
        assertThat(api.lastRequest().target()).isEqualTo("/api/from-flag/client/get/list");
    }

    @Test
    void linkLeavesNoLockFilesChecksItsProfileAndCanBeShownAndUnset() throws Exception {
        CliHarness cli = new CliHarness();
        Path project = Files.createDirectories(TempDirs.create("link-project").resolve("app"));
        assertThat(cli.pipe("")
                        .run("configure", "--profile", "p", "--server", "jp")
                        .exitCode())
                .isZero();
        assertThat(cli.in(project).run("link", "42").exitCode()).isZero();
        try (var files = Files.list(project)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .containsExactly(".authlete.yaml");
        }
        try (var files = Files.list(cli.configFile().getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".lock"));
        }

        CliHarness.Result unknown = cli.in(project).run("link", "43", "--profile", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown profile 'nosuch'");

        Path below = Files.createDirectories(project.resolve("src/main"));
        CliHarness.Result shown = cli.in(below).run("link", "--show");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).isEqualTo("service-id: 42\n");
        assertThat(shown.err()).contains(project.resolve(".authlete.yaml").toString());

        CliHarness.Result notHere = cli.in(below).run("link", "--unset");
        assertThat(notHere.exitCode()).isEqualTo(1);
        assertThat(notHere.err()).contains("the link here comes from " + project.resolve(".authlete.yaml"));
        assertThat(cli.in(project).run("link", "--unset").exitCode()).isZero();
        assertThat(project.resolve(".authlete.yaml")).doesNotExist();
        assertThat(cli.in(below).run("link", "--show").exitCode()).isEqualTo(1);
    }

    @Test
    void configureRefusesPlainHttpAtThePromptAndNeverSavesNothingOrIgnoresAPipedToken() throws Exception {
        CliHarness cli = new CliHarness();
        // A plain-http URL to another host is refused before the token is typed, and asked again.
        CliHarness.Result asked = cli.terminalInput(
                        "http://auth.example.com\n" + api.url() + "\n715948317\n" + GOOD + "\n")
                .run("configure");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.err()).contains("refusing plain http to auth.example.com");
        assertThat(asked.err().indexOf("refusing plain http"))
                .isLessThan(asked.err().indexOf("Token"));

        CliHarness.Result nothing = new CliHarness().pipe("").run("configure", "--profile", "ci");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to save");
        CliHarness.Result piped = new CliHarness().pipe(GOOD + "\n").run("configure");
        assertThat(piped.exitCode()).isEqualTo(2);
        assertThat(piped.err()).contains("only with --token-stdin").doesNotContain(GOOD);
    }

    @Test
    void configureAsksOnATerminalWithHiddenTokenInputAndChecksTheToken() throws Exception {
        CliHarness cli = new CliHarness();
        // A wrong server is said before the token is asked for; a URL is accepted at the prompt.
        CliHarness.Result result = cli.terminalInput("mars\n" + api.url() + "\n715948317\n" + GOOD + "\n")
                .run("configure");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains(
                        "Server: us, jp, eu, br or a URL [us]: ",
                        "expected 0 or us",
                        "Default service id [none]: ",
                        "Token")
                .doesNotContain(GOOD);
        assertThat(Files.readString(cli.configFile()))
                .contains("server-url: " + api.url(), "service-id: \"715948317\"", "default-profile: default");
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/service/get");

        // Run again: the current values are shown and Enter keeps each of them, the stored token too.
        int requests = api.requests().size();
        CliHarness.Result again = cli.terminalInput("\n\n\n").run("configure");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err())
                .contains("[" + api.url() + "]", "[715948317]", "[keep good\u20267890]")
                .doesNotContain(GOOD);
        assertThat(Files.readString(cli.configFile()))
                .contains("server-url: " + api.url(), "service-id: \"715948317\"");
        assertThat(api.requests()).as("a kept token is not checked again").hasSize(requests);
        assertThat(cli.run("client", "list").exitCode()).isZero();
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + GOOD);

        // A name replaces the URL.
        assertThat(cli.terminalInput("jp\n\n\n").run("configure").exitCode()).isZero();
        assertThat(Files.readString(cli.configFile())).contains("server: jp").doesNotContain("server-url");
    }

    @Test
    void configureRefusesARejectedTokenWithoutWritingAnything() {
        CliHarness cli = new CliHarness();
        CliHarness.Result result =
                cli.pipe("bad-token-0000000000").run("configure", "--server-url", api.url(), "--token-stdin");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(Files.exists(cli.configFile())).isFalse();
    }

    @Test
    void aCorruptConfigFileIsReportedWithItsLineAndLeftAlone() throws Exception {
        CliHarness cli = new CliHarness();
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(cli.configFile(), "profiles:\n  default:\n    server: [0\n");
        CliHarness.Result result = cli.env("AUTHLETE_BEARER", GOOD).run("service", "list", "--server-url", api.url());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("error: " + cli.configFile() + " is not valid YAML (line")
                .hasLineCount(1);
        assertThat(cli.run("configure", "--service-id", "1").exitCode()).isEqualTo(1);
        assertThat(Files.readString(cli.configFile())).isEqualTo("profiles:\n  default:\n    server: [0\n");
    }

    @Test
    void builtinCommandsHaveHelp() {
        assertThat(new CliHarness().run("auth", "login", "--help").out())
                .contains("authlete auth login", "--token-stdin");
        assertThat(new CliHarness().run("auth").out()).contains("login", "status", "logout", "token");
        assertThat(new CliHarness().run("--help").out()).contains("auth", "configure", "link");
    }

    /** The network flags are the same for every command that talks to a server, built-in commands included. */
    @Test
    void builtinCommandsThatTalkToAServerTakeTheNetworkFlags() throws Exception {
        try (ServerSocket closed = new ServerSocket(0)) {
            String nowhere = "http://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            CliHarness.Result login = new CliHarness()
                    .run(
                            "auth",
                            "login",
                            "--device",
                            "--issuer",
                            nowhere,
                            "--client-id",
                            "x",
                            "--timeout",
                            "5s",
                            "--connect-timeout",
                            "2s",
                            "--read-timeout",
                            "2s",
                            "--retry",
                            "0",
                            "--allow-insecure-http",
                            "--debug");
            assertThat(login.exitCode()).as(login.err()).isEqualTo(8);
            assertThat(login.err())
                    .contains("> GET " + nowhere + "/.well-known/openid-configuration", "cannot connect");
            CliHarness.Result verify = new CliHarness()
                    .pipe("tok-123456789")
                    .run(
                            "auth",
                            "login",
                            "--token-stdin",
                            "--server-url",
                            nowhere,
                            "--retry",
                            "0",
                            "--connect-timeout",
                            "2s",
                            "--debug");
            assertThat(verify.exitCode()).as(verify.err()).isEqualTo(8);
            assertThat(verify.err()).contains("> GET " + nowhere).doesNotContain("tok-123456789");
            CliHarness.Result status = new CliHarness().run("auth", "status", "--read-timeout", "1s", "--debug");
            assertThat(status.err()).doesNotContain("unknown flag");
            // A discovery endpoint that accepts and never answers ends with the read timeout, not never.
            try (ServerSocket stalling = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread accepter = new Thread(() -> {
                    try {
                        Socket held = stalling.accept();
                        Thread.sleep(30_000);
                        held.close();
                    } catch (Exception ignored) {
                        // Closed with the test.
                    }
                });
                accepter.setDaemon(true);
                accepter.start();
                long started = System.nanoTime();
                CliHarness.Result stalled = new CliHarness()
                        .run(
                                "auth",
                                "login",
                                "--device",
                                "--issuer",
                                "http://127.0.0.1:" + stalling.getLocalPort(),
                                "--client-id",
                                "x",
                                "--read-timeout",
                                "1s",
                                "--retry",
                                "0");
                assertThat(stalled.exitCode()).as(stalled.err()).isEqualTo(8);
                assertThat(stalled.err()).contains("timed out");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            }
            CliHarness.Result badWait = new CliHarness()
                    .run("auth", "login", "--device", "--issuer", nowhere, "--client-id", "x", "--wait", "forever");
            assertThat(badWait.exitCode()).isEqualTo(2);
            assertThat(badWait.err()).contains("--wait expects a duration");
        }
    }

    /** As ssh does for a private key: a token in a file others can read gets one warning per run. */
    @Test
    void aConfigFileThatOthersCanReadGetsAWarning() throws Exception {
        try (StubServer api = new StubServer()) {
            CliHarness cli = new CliHarness();
            Files.createDirectories(cli.configFile().getParent());
            Files.writeString(cli.configFile(), "# mine\nprofiles:\n  default:\n    token: file-token-123456\n");
            Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-r--r--"));
            CliHarness.Result exposed = cli.run("service", "list", "--server-url", api.url());
            assertThat(exposed.exitCode()).as(exposed.err()).isZero();
            assertThat(exposed.err())
                    .contains("warning: " + cli.configFile()
                            + " holds a token but others can read it (mode rw-r--r--); " + "run: chmod 600")
                    .doesNotContain("file-token-123456");
            assertThat(exposed.err().lines().filter(line -> line.startsWith("warning:")))
                    .hasSize(1);

            Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-------"));
            assertThat(cli.run("service", "list", "--server-url", api.url()).err())
                    .isEmpty();
        }
    }
}
