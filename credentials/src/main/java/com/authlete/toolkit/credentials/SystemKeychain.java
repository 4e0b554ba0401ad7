package com.authlete.toolkit.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: entries with service {@value #SERVICE} and the profile
 * name as account (so {@code secret-tool lookup service authlete-cli account <profile>} finds them on Linux).
 */
public final class SystemKeychain implements Keychain {

    public static final String SERVICE = "authlete-cli";

    private SystemKeychain() {
    }

    /** The system keychain, or {@link Keychain#NONE} when turned off or, on Linux, when there is no D-Bus session. */
    public static Keychain forEnvironment(Map<String, String> environment) {
        if ("none".equalsIgnoreCase(environment.getOrDefault("AUTHLETE_KEYCHAIN", ""))) {
            return NONE;
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            return Keychain.unavailable("no D-Bus session, so no Secret Service keyring");
        }
        return new SystemKeychain();
    }

    private static Keyring open() throws Unavailable {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException e) {
            throw new Unavailable("no keychain available: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> read(String profile) throws Unavailable {
        try (Keyring keyring = open()) {
            String token = keyring.getPassword(SERVICE, profile);
            return Optional.ofNullable(token).filter(t -> !t.isBlank());
        } catch (PasswordAccessException e) {
            // Also what a locked keyring answers; either way there is no token to use.
            return Optional.empty();
        } catch (Unavailable e) {
            throw e;
        } catch (Exception e) {
            throw new Unavailable("the keychain failed: " + e, e);
        }
    }

    @Override
    public void store(String profile, String token) throws Unavailable {
        try (Keyring keyring = open()) {
            keyring.setPassword(SERVICE, profile, token);
        } catch (Unavailable e) {
            throw e;
        } catch (Exception e) {
            // java-keyring fails with a NullPointerException when the keyring is locked or was never created.
            throw new Unavailable("the keychain refused the token (is the keyring unlocked?): " + e, e);
        }
    }

    @Override
    public void delete(String profile) throws Unavailable {
        try (Keyring keyring = open()) {
            keyring.deletePassword(SERVICE, profile);
        } catch (PasswordAccessException e) {
            // Nothing stored: nothing to delete.
        } catch (Unavailable e) {
            throw e;
        } catch (Exception e) {
            throw new Unavailable("the keychain failed: " + e, e);
        }
    }
}
