package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth logins through the packaged launcher against a real authorization server (oidc-provider, see
 * {@link OidcPeer}): the device flow approved through the provider's own pages, the authorization code flow with
 * PKCE through the loopback listener, client credentials with both client authentications; the stored token is
 * then used for API calls (a stub API records the bearer) and renewed when it expires, by one process only.
 */
class OAuthLoginIT {

    private static final Pattern DEVICE_PROMPT = Pattern.compile("Open (\\S+) and enter code (\\S+) \\(expires in");
    private static final Pattern BROWSER_PROMPT =
            Pattern.compile("Open this address in a browser on this machine: (\\S+)");
    private static final String LIST = "{\"start\":0,\"end\":0,\"totalCount\":0,\"services\":[]}";

    static OidcPeer peer;
    static StubServer api;

    @TempDir
    Path config;

    Map<String, String> env;

    @BeforeAll
    static void startPeers() throws Exception {
        peer = OidcPeer.start();
        api = new StubServer().handler(request -> Reply.json(200, LIST));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (api != null) {
            api.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @BeforeEach
    void isolate() {
        env = new HashMap<>(Map.of("XDG_CONFIG_HOME", config.toString(), "AUTHLETE_KEYCHAIN", "none"));
    }

    @Test
    void deviceFlowLogsInUsesAndRefreshesTheToken() throws Exception {
        Running login = Running.start(
                env,
                "auth",
                "login",
                "--device",
                "--issuer",
                peer.issuer(),
                "--client-id",
                "cli-app",
                "--server-url",
                api.url());
        Matcher prompt = login.awaitLine(DEVICE_PROMPT);
        assertThat(login.stderrSoFar())
                .contains("client 'cli-app'", prompt.group(2), "approve it only if you started it yourself");
        assertThat(login.stderrSoFar()).contains("or open " + prompt.group(1) + "?user_code=");
        new ProviderUser().approveDevice(URI.create(prompt.group(1)), prompt.group(2));
        LauncherProcess.Result done = login.finish();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.err())
                .contains("Logged in: profile default, device_code login of client cli-app", "refresh token kept");
        String stored = storedLogin();
        String firstToken = field(stored, "access_token");
        String firstRefresh = field(stored, "refresh_token");
        assertThat(done.out() + done.err()).doesNotContain(firstToken, firstRefresh);

        assertThat(run("service", "list").exitCode()).isZero();
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + firstToken);

        long refreshesBefore = peer.grants("refresh_token");
        expireStoredToken();
        LauncherProcess.Result list = run("service", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(peer.grants("refresh_token")).isEqualTo(refreshesBefore + 1);
        String renewed = storedLogin();
        assertThat(field(renewed, "access_token")).isNotEqualTo(firstToken);
        assertThat(field(renewed, "refresh_token")).as("rotated refresh token").isNotEqualTo(firstRefresh);
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + field(renewed, "access_token"));

        // Four processes find the token expired at once: one refreshes, the others wait for the lock and use its
        // result.
        expireStoredToken();
        List<Running> parallel = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parallel.add(Running.start(env, "auth", "token"));
        }
        List<String> tokens = new ArrayList<>();
        for (Running process : parallel) {
            LauncherProcess.Result result = process.finish();
            assertThat(result.exitCode()).as(result.err()).isZero();
            tokens.add(result.out().strip());
        }
        assertThat(peer.grants("refresh_token")).isEqualTo(refreshesBefore + 2);
        assertThat(tokens).containsOnly(field(storedLogin(), "access_token"));
        assertThat(peer.log()).noneMatch(line -> line.startsWith("grant-error refresh_token"));

        // A refresh token the server no longer honours: the user is told to log in again.
        editStoredLogin(
                document -> document.put("refresh_token", "revoked-token").put("expires_at", 1));
        LauncherProcess.Result failed = run("service", "list");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err())
                .contains("invalid_grant", "run 'authlete auth login'")
                .doesNotContain("Exception");
    }

    @Test
    void deniedDeviceLoginEndsWithExitThreeAndStoresNothing() throws Exception {
        Running login =
                Running.start(env, "auth", "login", "--device", "--issuer", peer.issuer(), "--client-id", "cli-app");
        Matcher prompt = login.awaitLine(DEVICE_PROMPT);
        new ProviderUser().denyDevice(URI.create(prompt.group(1)), prompt.group(2));
        LauncherProcess.Result done = login.finish();
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(done.err()).contains("error: the login was denied on the authorization server; nothing was stored");
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void browserLoginWithPkceThroughTheLoopbackListener() throws Exception {
        Running login =
                Running.start(env, "auth", "login", "--browser", "--issuer", peer.issuer(), "--client-id", "cli-app");
        Matcher prompt = login.awaitLine(BROWSER_PROMPT);
        URI url = URI.create(prompt.group(1));
        assertThat(url.getRawQuery())
                .contains(
                        "code_challenge_method=S256",
                        "code_challenge=",
                        "state=",
                        "redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        String page = new ProviderUser().authorize(url);
        assertThat(page).contains("Login complete");
        LauncherProcess.Result done = login.finish();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.err()).contains("authorization_code login of client cli-app");
        String token = field(storedLogin(), "access_token");
        assertThat(run("service", "list", "--server-url", api.url()).exitCode()).isZero();
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void browserLoginTimesOutCleanly() throws Exception {
        LauncherProcess.Result done = LauncherProcess.run(
                env,
                null,
                List.of(
                        "auth",
                        "login",
                        "--browser",
                        "--issuer",
                        peer.issuer(),
                        "--client-id",
                        "cli-app",
                        "--wait",
                        "1s"));
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(done.err())
                .contains("error: no answer from the browser within 1 s; nothing was stored")
                .doesNotContain("Exception");
    }

    @Test
    void clientCredentialsWithBasicAndPostAndAutomaticRenewal() throws Exception {
        long before = peer.grants("client_credentials");
        LauncherProcess.Result basic = LauncherProcess.run(
                env,
                "ci-bot-secret\n",
                List.of(
                        "auth",
                        "login",
                        "--client-credentials",
                        "--issuer",
                        peer.issuer(),
                        "--client-id",
                        "ci-bot",
                        "--client-secret-stdin",
                        "--server-url",
                        api.url()));
        assertThat(basic.exitCode()).as(basic.err()).isZero();
        assertThat(basic.err())
                .contains("client_credentials login of client ci-bot")
                .contains("warning: no keychain for the client secret")
                .doesNotContain("ci-bot-secret");
        assertThat(Files.readString(configFile())).doesNotContain("ci-bot-secret");
        assertThat(peer.log()).contains("grant client_credentials ci-bot");

        // CI: the secret comes from the environment at login and again at renewal; no long-lived bearer is kept.
        env.put("AUTHLETE_CLIENT_SECRET", "ci-post-secret");
        LauncherProcess.Result post = LauncherProcess.run(
                env,
                null,
                List.of(
                        "auth",
                        "login",
                        "--client-credentials",
                        "--issuer",
                        peer.issuer(),
                        "--client-id",
                        "ci-post",
                        "--client-auth",
                        "post",
                        "--server-url",
                        api.url()));
        assertThat(post.exitCode()).as(post.err()).isZero();
        assertThat(peer.log()).contains("grant client_credentials ci-post");
        String first = field(storedLogin(), "access_token");
        expireStoredToken();
        assertThat(run("service", "list").exitCode()).isZero();
        String second = field(storedLogin(), "access_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + second);
        assertThat(peer.grants("client_credentials")).isEqualTo(before + 3);

        env.put("AUTHLETE_CLIENT_SECRET", "wrong");
        LauncherProcess.Result wrong = LauncherProcess.run(
                env,
                null,
                List.of("auth", "login", "--client-credentials", "--issuer", peer.issuer(), "--client-id", "ci-bot"));
        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.err()).contains("invalid_client").doesNotContain("wrong");

        env.remove("AUTHLETE_CLIENT_SECRET");
        LauncherProcess.Result argv = LauncherProcess.run(
                env,
                null,
                List.of(
                        "auth",
                        "login",
                        "--client-credentials",
                        "--issuer",
                        peer.issuer(),
                        "--client-id",
                        "ci-bot",
                        "--client-secret",
                        "ci-bot-secret"));
        assertThat(argv.exitCode()).as(argv.err()).isZero();
        assertThat(argv.err()).contains("warning: a client secret on the command line is visible to other users");
    }

    private LauncherProcess.Result run(String... args) throws Exception {
        return LauncherProcess.run(env, null, List.of(args));
    }

    private Path configFile() {
        return config.resolve("authlete/config.yaml");
    }

    /** The stored login document of the default profile (the config file, as there is no keychain here). */
    private String storedLogin() throws Exception {
        String yaml = Files.readString(configFile());
        var node = new YAMLMapper().readTree(yaml);
        return node.path("profiles").path("default").path("token").asText();
    }

    private void expireStoredToken() throws Exception {
        editStoredLogin(login -> login.put("expires_at", 1));
    }

    /** Changes the stored login document as another process (or time) would. */
    private void editStoredLogin(Consumer<ObjectNode> edit) throws Exception {
        var yaml = new YAMLMapper();
        var document = (ObjectNode) yaml.readTree(configFile().toFile());
        var profile = (ObjectNode) document.path("profiles").path("default");
        var login =
                (ObjectNode) new ObjectMapper().readTree(profile.path("token").asText());
        edit.accept(login);
        profile.put("token", login.toString());
        yaml.writeValue(configFile().toFile(), document);
    }

    private static String field(String json, String name) throws Exception {
        return new ObjectMapper().readTree(json).path(name).asText();
    }

    /** The launcher running in the background, its stderr readable line by line while it runs. */
    static final class Running {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder seen = new StringBuilder();
        private final Path out;
        private final Thread reader;

        private Running(Process process, Path out) {
            this.process = process;
            this.out = out;
            reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // Process ended.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Running start(Map<String, String> environment, String... args) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(LauncherProcess.launcher().toString());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().remove("AUTHLETE_BEARER");
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
            builder.environment().putAll(environment);
            Path out = Files.createTempFile("authlete-out", ".txt");
            builder.redirectOutput(out.toFile()).redirectInput(new File("/dev/null"));
            return new Running(builder.start(), out);
        }

        Matcher awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    seen.append(line).append('\n');
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        // Take the lines printed right after it too.
                        Thread.sleep(200);
                        drain();
                        return matcher;
                    }
                }
            }
            process.destroyForcibly();
            throw new AssertionError("no line matching " + pattern + " in: " + seen);
        }

        String stderrSoFar() {
            drain();
            return seen.toString();
        }

        private void drain() {
            for (String line; (line = lines.poll()) != null; ) {
                seen.append(line).append('\n');
            }
        }

        LauncherProcess.Result finish() throws Exception {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + stderrSoFar());
            }
            reader.join(5000);
            String stdout = Files.readString(out);
            Files.deleteIfExists(out);
            return new LauncherProcess.Result(process.exitValue(), stdout, stderrSoFar());
        }
    }
}
