package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        assumeTrue("secret-service".equals(System.getenv("AUTHLETE_KEYRING_TEST")),
                "skipped: set AUTHLETE_KEYRING_TEST=secret-service inside a D-Bus session with an unlocked gnome-keyring");
        String token = "keyring-cli-token-" + UUID.randomUUID();
        String profile = "it-" + UUID.randomUUID();
        try (StubServer api = new StubServer().handler(request -> ("Bearer " + token).equals(request.header("Authorization"))
                ? Reply.json(200, "{\"start\":0,\"end\":1,\"totalCount\":0,\"services\":[]}") : Reply.json(401, "{}"))) {
            Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "AUTHLETE_KEYCHAIN", "system");

            LauncherProcess.Result login = LauncherProcess.run(env, token + "\n",
                    List.of("auth", "login", "--token-stdin", "--profile", profile, "--server-url", api.url()));
            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(login.err()).contains("stored in the system keychain").doesNotContain("warning", token);
            assertThat(secretTool(profile)).isEqualTo(token);
            Path file = config.resolve("authlete/config.yaml");
            assertThat(Files.readString(file)).doesNotContain(token);

            LauncherProcess.Result list = LauncherProcess.run(env, null, List.of("service", "list", "--profile", profile));
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(LauncherProcess.run(env, null, List.of("auth", "status", "--profile", profile)).out())
                    .contains("(from keychain (profile " + profile + "))").doesNotContain(token);

            assertThat(LauncherProcess.run(env, null, List.of("auth", "logout", "--profile", profile)).exitCode()).isZero();
            assertThat(secretTool(profile)).isEmpty();
        }
    }

    private static String secretTool(String profile) throws Exception {
        Process process = new ProcessBuilder("secret-tool", "lookup", "service", "authlete-cli", "account", profile)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip();
    }
}
