package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a token goes: the keychain (checked by reading it back), the file when there is none, nowhere when locked. */
class CredentialStoreTest {

    @TempDir
    Path home;

    private ConfigFile file() {
        return new ConfigFile(home.resolve("authlete/config.yaml"));
    }

    /** A keychain in memory; {@code keeps} false drops every write while saying it succeeded. */
    private static Keychain memory(Map<String, String> entries, boolean keeps) {
        return new Keychain() {
            @Override
            public Optional<String> read(String profile) {
                return Optional.ofNullable(entries.get(profile));
            }

            @Override
            public void store(String profile, String token) {
                if (keeps) {
                    entries.put(profile, token);
                }
            }

            @Override
            public void delete(String profile) {
                entries.remove(profile);
            }
        };
    }

    private static Keychain locked() {
        return new Keychain() {
            @Override
            public Optional<String> read(String profile) throws Unavailable {
                throw new Unavailable("the keyring is locked", null, true);
            }

            @Override
            public void store(String profile, String token) throws Unavailable {
                throw new Unavailable("the keyring is locked", null, true);
            }

            @Override
            public void delete(String profile) throws Unavailable {
                throw new Unavailable("the keyring is locked", null, true);
            }
        };
    }

    @Test
    void aKeychainThatKeepsTheTokenHoldsIt() throws Exception {
        Map<String, String> entries = new HashMap<>();
        CredentialStore.Stored stored = new CredentialStore(file(), memory(entries, true)).store("p", "tok-1234567890");
        assertThat(stored.where()).isEqualTo("the system keychain");
        assertThat(stored.warning()).isEmpty();
        assertThat(entries).containsEntry("p", "tok-1234567890");
    }

    @Test
    void aWriteTheKeychainDidNotKeepIsAnErrorNotASuccess() {
        assertThatThrownBy(
                        () -> new CredentialStore(file(), memory(new HashMap<>(), false)).store("p", "tok-1234567890"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("did not keep the token")
                .hasMessageNotContaining("tok-1234567890");
        assertThat(Files.exists(home.resolve("authlete/config.yaml"))).isFalse();
    }

    @Test
    void aLockedKeychainRefusesTheTokenInsteadOfWritingItInPlainText() {
        assertThatThrownBy(() -> new CredentialStore(file(), locked()).store("p", "tok-1234567890"))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("cannot store the token of profile p: the keyring is locked; nothing was stored "
                        + "(AUTHLETE_KEYCHAIN=none keeps it in the config file instead)");
        assertThat(Files.exists(home.resolve("authlete/config.yaml"))).isFalse();
    }

    @Test
    void noKeychainAtAllMeansTheFileWithAWarning() throws Exception {
        CredentialStore.Stored stored = new CredentialStore(file(), Keychain.NONE).store("p", "tok-1234567890");
        assertThat(stored.warning()).get().asString().contains("plain text");
        assertThat(Files.readString(home.resolve("authlete/config.yaml"))).contains("tok-1234567890");
    }
}
