package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth login} through the packaged launcher stores the token in the real Secret Service keyring; the
 * other commands then find it there. Needs {@code AUTHLETE_KEYRING_TEST=secret-service} inside a D-Bus session
 * with an unlocked gnome-keyring (as {@code .ci/run} provides).
 */
class KeyringIT {

    @TempDir
    Path config;

    @Test
    void loginStoresInTheKeyringAndCommandsUseIt() throws Exception {
        assumeTrue(
                "secret-service".equals(System.getenv("AUTHLETE_KEYRING_TEST")),
                "skipped: set AUTHLETE_KEYRING_TEST=secret-service inside a D-Bus session with an unlocked gnome-keyring");
        String token = "keyring-cli-token-" + UUID.randomUUID();
        String profile = "it-" + UUID.randomUUID();
        try (StubServer api = new StubServer()
                .handler(request -> ("Bearer " + token).equals(request.header("Authorization"))
                        ? Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":0,\"services\":[]}")
                        : Reply.json(401, "{}"))) {
            Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "AUTHLETE_KEYCHAIN", "system");

            LauncherProcess.Result login = LauncherProcess.run(
                    env,
                    token + "\n",
                    List.of("auth", "login", "--token-stdin", "--profile", profile, "--server-url", api.url()));
            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(login.err()).contains("stored in the system keychain").doesNotContain("warning", token, "SLF4J");
            assertThat(secretTool(profile)).isEqualTo(token);
            Path file = config.resolve("authlete/config.yaml");
            assertThat(Files.readString(file)).doesNotContain(token);

            LauncherProcess.Result list =
                    LauncherProcess.run(env, null, List.of("service", "list", "--profile", profile));
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.err()).as("no logging framework chatter").isEmpty();
            assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(LauncherProcess.run(env, null, List.of("auth", "status", "--profile", profile))
                            .out())
                    .contains("(from keychain (profile " + profile + "))")
                    .doesNotContain(token);

            assertThat(LauncherProcess.run(env, null, List.of("auth", "logout", "--profile", profile))
                            .exitCode())
                    .isZero();
            assertThat(secretTool(profile)).isEmpty();
        }
    }

    /**
     * A locked keyring, in a D-Bus session of its own (so the suite's keyring stays unlocked): every command ends
     * within seconds with one line saying the keyring is locked, instead of "no token", an internal error, or an
     * unlock prompt no one can answer.
     */
    @Test
    void aLockedKeyringIsReportedAsLockedAndNeverHangs() throws Exception {
        assumeTrue(
                "secret-service".equals(System.getenv("AUTHLETE_KEYRING_TEST")),
                "skipped: set AUTHLETE_KEYRING_TEST=secret-service with gnome-keyring, dbus-run-session and dbus-send installed");
        try (StubServer api = new StubServer()
                .handler(request -> Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":0,\"services\":[]}"))) {
            String script = String.join(
                    "\n",
                    "export XDG_DATA_HOME=\"$1/data\" XDG_CONFIG_HOME=\"$1/config\" AUTHLETE_KEYCHAIN=system",
                    "printf %s pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null",
                    "printf %s stored-token-123456 | secret-tool store --label t service authlete-cli account p",
                    "dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets "
                            + "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null",
                    "\"$2\" auth status --profile p 2>&1; echo \"status-exit=$?\"",
                    "printf %s new-token-1234567 | \"$2\" auth login --token-stdin --profile q --server-url \"$3\" 2>&1; echo \"login-exit=$?\"",
                    "printf '%s\\n' new-token-1234567 | \"$2\" configure --profile r --server-url \"$3\" --token-stdin 2>&1; echo \"configure-exit=$?\"",
                    "grep -c new-token \"$1/config/authlete/config.yaml\" 2>/dev/null; echo \"in-file=$?\"",
                    "\"$2\" auth logout --profile p 2>&1; echo \"logout-exit=$?\"");
            Process process = new ProcessBuilder(
                            "dbus-run-session",
                            "--",
                            "bash",
                            "-c",
                            script,
                            "locked",
                            config.toString(),
                            LauncherProcess.launcher().toString(),
                            api.url())
                    .redirectErrorStream(true)
                    .start();
            long started = System.nanoTime();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(output).isLessThan(Duration.ofSeconds(45));
            assertThat(output)
                    .contains(
                            "status-exit=1",
                            "error: cannot read the token of profile p: the keyring is locked",
                            "login-exit=1",
                            "error: cannot store the token of profile q: the keyring is locked",
                            "nothing was stored",
                            "configure-exit=1",
                            "in-file=",
                            "logout-exit=1")
                    .doesNotContain(
                            "NullPointerException",
                            "No stored credentials",
                            "SLF4J",
                            "stored-token-123456",
                            "new-token-1234567",
                            "in-file=0");
            assertThat(output.substring(output.indexOf("configure-exit=1")))
                    .as("logout")
                    .contains("error: ", "the keyring is locked");
        }
    }

    /**
     * A session bus that accepts connections and never answers: every command that needs the keychain ends with one
     * line in a few seconds (before, they waited for ever and ignored SIGTERM), and nothing is stored in its stead.
     */
    @Test
    void aFrozenSessionBusEndsEveryCommandWithOneLine() throws Exception {
        Path socket = config.resolve("frozen-bus");
        try (ServerSocketChannel bus = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                StubServer api = new StubServer()
                        .handler(request ->
                                Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":0,\"services\":[]}"))) {
            bus.bind(UnixDomainSocketAddress.of(socket));
            List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(bus.accept()); // and never a word back
                    }
                } catch (Exception closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> env = Map.of(
                    "XDG_CONFIG_HOME",
                    config.toString(),
                    "AUTHLETE_KEYCHAIN",
                    "system",
                    "DBUS_SESSION_BUS_ADDRESS",
                    "unix:path=" + socket);
            for (List<String> args : List.of(
                    List.of("auth", "token"),
                    List.of("service", "list", "--server-url", api.url()),
                    List.of("auth", "login", "--token-stdin", "--server-url", api.url()),
                    List.of("auth", "logout"))) {
                long started = System.nanoTime();
                LauncherProcess.Result result = LauncherProcess.run(env, "frozen-token-123456\n", args);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as(args + ": " + result.err())
                        .isLessThan(Duration.ofSeconds(40));
                assertThat(result.exitCode()).as(args + ": " + result.err()).isNotZero();
                assertThat(result.err().strip().lines()).as(args.toString()).hasSize(1);
                assertThat(result.err()).as(args.toString()).contains("the D-Bus session bus did not answer");
                assertThat(result.err() + result.out()).doesNotContain("frozen-token-123456", "Exception");
            }
            Path file = config.resolve("authlete/config.yaml");
            assertThat(!Files.exists(file) || !Files.readString(file).contains("frozen-token"))
                    .as("nothing stored in the keychain's stead")
                    .isTrue();
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        }
    }

    private static String secretTool(String profile) throws Exception {
        Process process = new ProcessBuilder("secret-tool", "lookup", "service", "authlete-cli", "account", profile)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip();
    }
}
