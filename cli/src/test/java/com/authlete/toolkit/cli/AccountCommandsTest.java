package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** auth login/status/logout/token, configure, link, profiles and the settings chain, in-process. */
class AccountCommandsTest {

    static final String GOOD = "good-token-1234567890";

    private StubServer api;

    @BeforeEach
    void start() throws Exception {
        // Accepts only the good token, like the real API.
        api = new StubServer().handler(request -> ("Bearer " + GOOD).equals(request.header("Authorization"))
                ? Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":0,\"services\":[],\"clients\":[]}")
                : Reply.json(401, "{\"resultCode\":\"A001101\",\"resultMessage\":\"[A001101] Authentication failed.\"}"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void loginChecksTheTokenFirstAndStoresNothingWhenTheApiRejectsIt() {
        CliHarness cli = new CliHarness();
        CliHarness.Result rejected = cli.pipe("bad-token-0000000000\n").run("auth", "login", "--token-stdin", "--server-url", api.url());

        assertThat(rejected.exitCode()).isEqualTo(3);
        assertThat(rejected.err()).contains("the API rejected this token", "nothing was stored").hasLineCount(1);
        assertThat(Files.exists(cli.configFile())).isFalse();
        assertThat(api.lastRequest().target()).isEqualTo("/api/service/get/list?start=0&end=1");
    }

    @Test
    void loginStoresTheNormalisedTokenWhichTheOtherCommandsThenUse() throws Exception {
        CliHarness cli = new CliHarness();
        CliHarness.Result login = cli.pipe("  Bearer " + GOOD + "  \n").run("auth", "login", "--token-stdin", "--server-url", api.url());
        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.err()).contains("warning: no keychain available", "plain text", cli.configFile().toString())
                .contains("good\u20267890").doesNotContain(GOOD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile()))).isEqualTo("rw-------");

        CliHarness.Result list = cli.run("service", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + GOOD);

        CliHarness.Result status = cli.run("auth", "status");
        assertThat(status.out()).contains("profile:     default", "token:       good\u20267890 (from " + cli.configFile())
                .contains("server:      " + api.url()).doesNotContain(GOOD);
        assertThat(cli.run("auth", "token").out()).isEqualTo(GOOD + "\n");

        assertThat(cli.run("auth", "logout").err()).contains("forgot the token of profile default");
        assertThat(cli.run("auth", "token").exitCode()).isEqualTo(3);
        assertThat(Files.readString(cli.configFile())).doesNotContain(GOOD);
    }

    @Test
    void aTokenOnTheCommandLineWorksButWarnsAndFilesWorkToo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CliHarness cli = new CliHarness();
        CliHarness.Result inline = cli.run("auth", "login", "--token", GOOD, "--server-url", api.url());
        assertThat(inline.exitCode()).isZero();
        assertThat(inline.err()).contains("warning: a token on the command line is visible to other users");

        Path file = Files.writeString(dir.resolve("token.txt"), GOOD + "\n");
        CliHarness.Result fromFile = new CliHarness().run("auth", "login", "--token-file", file.toString(), "--server-url", api.url());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.err()).doesNotContain("warning: a token on the command line");

        assertThat(new CliHarness().pipe("").run("auth", "login", "--server-url", api.url()).err())
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
        cli.pipe(GOOD).run("auth", "login", "--token-stdin", "--server-url", api.url(), "--profile", "prod", "--service-id", "715948317");
        assertThat(cli.run("configure", "--profile", "jp", "--server", "1", "--service-id", "42").exitCode()).isZero();

        cli.run("client", "list", "--profile", "prod");
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/client/get/list");
        cli.env("AUTHLETE_PROFILE", "prod").run("client", "list");
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/client/get/list");

        CliHarness.Result dryRun = cli.run("client", "list", "--profile", "jp", "--dry-run");
        assertThat(dryRun.err()).contains("> GET https://jp.authlete.com/api/42/client/get/list");

        CliHarness.Result all = cli.run("auth", "status", "--all");
        assertThat(all.out()).contains("prod", "good\u20267890", "715948317", "jp", "(none)", "42").doesNotContain(GOOD);
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
    void configureAsksOnATerminalWithHiddenTokenInputAndChecksTheToken() throws Exception {
        CliHarness cli = new CliHarness().env("AUTHLETE_SERVER_URL", api.url());
        CliHarness.Result result = cli.terminalInput("2\n715948317\n" + GOOD + "\n").run("configure");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Server (0 us, 1 jp, 2 eu, 3 br)", "Default service id", "Token: ").doesNotContain(GOOD);
        assertThat(Files.readString(cli.configFile())).contains("server: \"2\"", "service-id: \"715948317\"", "default-profile: default");
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/service/get");
    }

    @Test
    void configureRefusesARejectedTokenWithoutWritingAnything() {
        CliHarness cli = new CliHarness();
        CliHarness.Result result = cli.pipe("bad-token-0000000000").run("configure", "--server-url", api.url(), "--token-stdin");
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
        assertThat(result.err()).startsWith("error: " + cli.configFile() + " is not valid YAML (line").hasLineCount(1);
        assertThat(cli.run("configure", "--service-id", "1").exitCode()).isEqualTo(1);
        assertThat(Files.readString(cli.configFile())).isEqualTo("profiles:\n  default:\n    server: [0\n");
    }

    @Test
    void accountCommandsHaveHelp() {
        assertThat(new CliHarness().run("auth", "login", "--help").out()).contains("authlete auth login", "--token-stdin");
        assertThat(new CliHarness().run("auth").out()).contains("login", "status", "logout", "token");
        assertThat(new CliHarness().run("--help").out()).contains("auth", "configure", "link");
    }

    /** The network flags are the same for every command that talks to a server, account commands included. */
    @Test
    void accountCommandsThatTalkToAServerTakeTheNetworkFlags() throws Exception {
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            String nowhere = "http://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            CliHarness.Result login = new CliHarness().run("auth", "login", "--device", "--issuer", nowhere, "--client-id", "x",
                    "--timeout", "5s", "--connect-timeout", "2s", "--read-timeout", "2s", "--retry", "0", "--allow-insecure-http", "--debug");
            assertThat(login.exitCode()).as(login.err()).isEqualTo(8);
            assertThat(login.err()).contains("> GET " + nowhere + "/.well-known/openid-configuration", "cannot connect");
            CliHarness.Result verify = new CliHarness().pipe("tok-123456789").run("auth", "login", "--token-stdin", "--server-url", nowhere,
                    "--retry", "0", "--connect-timeout", "2s", "--debug");
            assertThat(verify.exitCode()).as(verify.err()).isEqualTo(8);
            assertThat(verify.err()).contains("> GET " + nowhere).doesNotContain("tok-123456789");
            CliHarness.Result status = new CliHarness().run("auth", "status", "--read-timeout", "1s", "--debug");
            assertThat(status.err()).doesNotContain("unknown flag");
            // A discovery endpoint that accepts and never answers ends with the read timeout, not never.
            try (java.net.ServerSocket stalling = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
                Thread accepter = new Thread(() -> {
                    try {
                        java.net.Socket held = stalling.accept();
                        Thread.sleep(30_000);
                        held.close();
                    } catch (Exception ignored) {
                        // Closed with the test.
                    }
                });
                accepter.setDaemon(true);
                accepter.start();
                long started = System.nanoTime();
                CliHarness.Result stalled = new CliHarness().run("auth", "login", "--device", "--issuer",
                        "http://127.0.0.1:" + stalling.getLocalPort(), "--client-id", "x", "--read-timeout", "1s", "--retry", "0");
                assertThat(stalled.exitCode()).as(stalled.err()).isEqualTo(8);
                assertThat(stalled.err()).contains("timed out");
                assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
            }
            CliHarness.Result badWait = new CliHarness().run("auth", "login", "--device", "--issuer", nowhere, "--client-id", "x",
                    "--wait", "forever");
            assertThat(badWait.exitCode()).isEqualTo(2);
            assertThat(badWait.err()).contains("--wait expects a duration");
        }
    }

    /** As ssh does for a private key: a token in a file others can read gets one warning per run. */
    @Test
    void aConfigFileThatOthersCanReadGetsAWarning() throws Exception {
        try (com.authlete.toolkit.core.testing.StubServer api = new com.authlete.toolkit.core.testing.StubServer()) {
            CliHarness cli = new CliHarness();
            java.nio.file.Files.createDirectories(cli.configFile().getParent());
            java.nio.file.Files.writeString(cli.configFile(), "# mine\nprofiles:\n  default:\n    token: file-token-123456\n");
            java.nio.file.Files.setPosixFilePermissions(cli.configFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            CliHarness.Result exposed = cli.run("service", "list", "--server-url", api.url());
            assertThat(exposed.exitCode()).as(exposed.err()).isZero();
            assertThat(exposed.err()).contains("warning: " + cli.configFile() + " holds a token but others can read it (mode rw-r--r--); "
                    + "run: chmod 600").doesNotContain("file-token-123456");
            assertThat(exposed.err().lines().filter(line -> line.startsWith("warning:"))).hasSize(1);

            java.nio.file.Files.setPosixFilePermissions(cli.configFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertThat(cli.run("service", "list", "--server-url", api.url()).err()).isEmpty();
        }
    }
}
