package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.authlete.toolkit.credentials.connect.CredentialChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Linux keychain: gnome-keyring's Secret Service over D-Bus. Needs {@value #SETTING}=secret-service and a
 * D-Bus session with an unlocked keyring ({@code .ci/run} runs the tests inside {@code dbus-run-session} with
 * gnome-keyring-daemon unlocked). The token is read back with {@code secret-tool}, the OS's own client, to prove
 * it is in the keyring and not in a file.
 */
class SecretServiceKeychainTest {

    static final String SETTING = "AUTHLETE_KEYRING_TEST";

    @TempDir
    Path home;

    @Test
    void aTokenStoredForAProfileIsInTheKeyringAndNotInAFile() throws Exception {
        assumeTrue(
                "secret-service".equals(System.getenv(SETTING)),
                "skipped: set " + SETTING + "=secret-service inside a D-Bus session with an unlocked gnome-keyring");
        Keychain keychain = SystemKeychain.forEnvironment(System.getenv());
        ConfigFile config = ConfigFile.forEnvironment(Map.of("XDG_CONFIG_HOME", home.toString()));
        String profile = "ci-" + UUID.randomUUID();
        String token = "keyring-token-" + UUID.randomUUID();

        CredentialStore.Stored stored = new CredentialStore(config, keychain).store(profile, token);

        assertThat(stored.warning())
                .as("stored in the keychain, no plain-text fallback")
                .isEmpty();
        assertThat(Files.exists(config.path())).isFalse();
        assertThat(secretTool("lookup", "service", SystemKeychain.SERVICE, "account", profile))
                .isEqualTo(token);
        assertThat(new CredentialChain(Map.of(), new CredentialStore(config, keychain), profile).resolve(null))
                .hasValueSatisfying(resolved -> {
                    assertThat(resolved.token()).isEqualTo(token);
                    assertThat(resolved.origin()).startsWith("keychain");
                });

        assertThat(new CredentialStore(config, keychain).forget(profile)).isTrue();
        assertThat(secretTool("lookup", "service", SystemKeychain.SERVICE, "account", profile))
                .isEmpty();
    }

    private static String secretTool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "secret-tool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip();
    }
}
