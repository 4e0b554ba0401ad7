package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.credentials.connect.CredentialChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialChainTest {

    /** A keychain in memory, for the chain's logic. */
    static final class MemoryKeychain implements Keychain {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public Optional<String> read(String profile) {
            return Optional.ofNullable(entries.get(profile));
        }

        @Override
        public void store(String profile, String token) {
            entries.put(profile, token);
        }

        @Override
        public void delete(String profile) {
            entries.remove(profile);
        }
    }

    @TempDir
    Path home;

    private ConfigFile config() {
        return ConfigFile.forEnvironment(Map.of("XDG_CONFIG_HOME", home.toString()));
    }

    @Test
    void eachSourceShadowsTheNext() throws Exception {
        MemoryKeychain keychain = new MemoryKeychain();
        CredentialStore store = new CredentialStore(config(), keychain);
        config().update("p", Map.of("token", "file-token-00001111"), false);
        keychain.store("p", "keychain-token-2222");
        Map<String, String> env = Map.of("AUTHLETE_BEARER", "env-token-33334444");

        assertThat(new CredentialChain(env, store, "p").resolve("flag-token-55556666"))
                .contains(new ResolvedToken("flag-token-55556666", "--bearer"));
        assertThat(new CredentialChain(env, store, "p").resolve(null))
                .contains(new ResolvedToken("env-token-33334444", "AUTHLETE_BEARER"));
        assertThat(new CredentialChain(Map.of(), store, "p").resolve(null).map(ResolvedToken::token))
                .contains("keychain-token-2222");
        keychain.delete("p");
        assertThat(new CredentialChain(Map.of(), store, "p").resolve(null).map(ResolvedToken::origin))
                .hasValueSatisfying(
                        origin -> assertThat(origin).contains("config.yaml").contains("profile p"));
        assertThat(new CredentialChain(Map.of(), store, "other").resolve(null)).isEmpty();
    }

    @Test
    void tokensAreNormalisedAndMasked() throws Exception {
        assertThat(new CredentialChain(Map.of("AUTHLETE_BEARER", "  Bearer abc-123-def-456 \n"))
                        .resolve(null)
                        .map(ResolvedToken::token))
                .contains("abc-123-def-456");
        assertThat(new CredentialChain(Map.of()).resolve("bearer xyz")).contains(new ResolvedToken("xyz", "--bearer"));
        assertThat(new CredentialChain(Map.of("AUTHLETE_BEARER", " \n")).resolve(" "))
                .isEmpty();
        assertThat(Tokens.mask("abcdefghijklmnopwxyz")).isEqualTo("abcd\u2026wxyz");
        assertThat(new ResolvedToken("secret-token-abcd", "x").toString())
                .doesNotContain("secret-token")
                .contains("secr\u2026abcd");
        assertThat(Tokens.mask("short")).isEqualTo("****");
    }

    @Test
    void withoutAKeychainTheTokenGoesToAPrivateFileWithAWarning() throws Exception {
        CredentialStore store = new CredentialStore(config(), Keychain.NONE);
        CredentialStore.Stored stored = store.store("ci", "ci-token-12345678");
        assertThat(stored.warning())
                .hasValueSatisfying(w ->
                        assertThat(w).contains("plain text", config().path().toString()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config().path())))
                .isEqualTo("rw-------");
        assertThat(store.read("ci").map(ResolvedToken::token)).contains("ci-token-12345678");
        assertThat(store.forget("ci")).isTrue();
        assertThat(store.read("ci")).isEmpty();
    }

    @Test
    void aKeychainStoreRemovesAnOlderPlainTextCopy() throws Exception {
        config().update("p", Map.of("token", "old-file-token-1234"), false);
        MemoryKeychain keychain = new MemoryKeychain();
        CredentialStore.Stored stored = new CredentialStore(config(), keychain).store("p", "new-token-12345678");
        assertThat(stored.warning()).isEmpty();
        assertThat(config().profile("p")).doesNotContainKey("token");
        assertThat(keychain.entries).containsEntry("p", "new-token-12345678");
    }

    @Test
    void settingsComeFromFlagsThenEnvironmentThenLinkFileThenProfile(@TempDir Path project) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", home.toString()));
        config().update("jp", Map.of("server", "1", "service-id", "from-profile", "color", "never"), true);
        Path nested = Files.createDirectories(project.resolve("a/b"));
        LinkFile.write(project, Map.of("service-id", "from-link"));

        Settings settings = Settings.load(Map.of(), env, nested);
        assertThat(settings.profile()).isEqualTo("jp");
        assertThat(settings.get("service-id")).contains("from-link");
        assertThat(settings.get("server")).contains("1");
        assertThat(settings.get("color")).contains("never");

        env.put("AUTHLETE_SERVICE_ID", "from-env");
        assertThat(Settings.load(Map.of(), env, nested).get("service-id")).contains("from-env");
        assertThat(Settings.load(Map.of("service-id", "from-flag"), env, nested).get("service-id"))
                .contains("from-flag");

        assertThat(Settings.load(Map.of(), env, home).get("server")).contains("1");
        env.put("AUTHLETE_PROFILE", "other");
        assertThat(Settings.load(Map.of(), env, home).get("server")).isEmpty();
        assertThat(Settings.load(Map.of("profile", "jp"), env, home).get("server"))
                .contains("1");
    }

    @Test
    void aCorruptConfigFileIsAClearErrorAndIsNeverOverwritten() throws Exception {
        Files.createDirectories(config().path().getParent());
        Files.writeString(config().path(), "profiles:\n  p:\n    server: [1\n");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("XDG_CONFIG_HOME", home.toString()), home))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(config().path().toString())
                .hasMessageContaining("line");
        assertThatThrownBy(() -> config().update("p", Map.of("server", "2"), false))
                .isInstanceOf(CredentialsException.class);
        assertThat(Files.readString(config().path())).isEqualTo("profiles:\n  p:\n    server: [1\n");
    }
}
