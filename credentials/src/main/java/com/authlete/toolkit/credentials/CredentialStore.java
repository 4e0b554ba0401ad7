package com.authlete.toolkit.credentials;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a profile's token is kept: the keychain when there is one, else the config file (mode 0600) with a
 * warning saying so.
 */
public final class CredentialStore {

    /** Where a token was stored, and a warning for the user when it is only the plaintext file. */
    public record Stored(String where, Optional<String> warning) {}

    private final ConfigFile configFile;
    private final Keychain keychain;

    public CredentialStore(ConfigFile configFile, Keychain keychain) {
        this.configFile = configFile;
        this.keychain = keychain;
    }

    /** The store of the settings' config file and the system keychain (as the environment allows it). */
    /**
     * Refuses a profile asked for by name that neither the config file nor the credential store knows (a typo in
     * {@code --profile} would otherwise fall back to no settings and no token).
     */
    public static void requireKnownProfile(Settings settings, Map<String, String> environment)
            throws CredentialsException {
        try {
            settings.requireKnownProfile();
        } catch (CredentialsException unknown) {
            if (of(settings, environment).read(settings.profile()).isEmpty()) {
                throw unknown;
            }
        }
    }

    public static CredentialStore of(Settings settings, Map<String, String> environment) {
        return new CredentialStore(settings.configFile(), SystemKeychain.forEnvironment(environment));
    }

    public Optional<ResolvedToken> read(String profile) throws CredentialsException {
        Keychain.Unavailable locked = null;
        try {
            Optional<String> token = keychain.read(profile);
            if (token.isPresent()) {
                return Optional.of(new ResolvedToken(token.get(), "keychain (profile " + profile + ")"));
            }
        } catch (Keychain.Unavailable e) {
            locked = e.locked() ? e : null; // else fall back to the file
        }
        String fromFile = Tokens.normalize(configFile.profile(profile).get(ConfigFile.TOKEN_KEY));
        if (fromFile == null && locked != null) {
            // "No token" would send the user to log in again; the token is most likely in the locked keyring.
            throw new CredentialsException(
                    "cannot read the token of profile " + profile + ": " + locked.getMessage(), locked);
        }
        return Optional.ofNullable(fromFile)
                .map(t -> new ResolvedToken(t, configFile.path() + " (profile " + profile + ")"));
    }

    /**
     * Keeps the token in the keychain, read back to be sure it is there; in the config file (0600, with a warning)
     * when there is no keychain here. A keychain that is there but cannot be used now (locked, or its bus not
     * answering) is not "no keychain": the token is refused rather than written in plain text behind the user's back.
     *
     * @throws CredentialsException when the keychain is locked or did not keep the token; nothing was stored then
     */
    public Stored store(String profile, String token) throws CredentialsException {
        try {
            keychain.store(profile, token);
            if (!keychain.read(profile).filter(token::equals).isPresent()) {
                throw new CredentialsException("the keychain did not keep the token of profile " + profile
                        + " (read back, it was not there); nothing was stored");
            }
            removeFromFile(profile);
            return new Stored("the system keychain", Optional.empty());
        } catch (Keychain.Unavailable e) {
            if (e.locked()) {
                throw new CredentialsException(
                        "cannot store the token of profile " + profile + ": " + e.getMessage()
                                + "; nothing was stored (" + KeychainChoice.ENV
                                + "=none keeps it in the config file instead)",
                        e);
            }
            Map<String, String> values = new HashMap<>();
            values.put(ConfigFile.TOKEN_KEY, token);
            configFile.update(profile, values, false);
            return new Stored(
                    configFile.path().toString(),
                    Optional.of("no keychain available (" + e.getMessage() + "); the token is stored in plain text in "
                            + configFile.path() + " (mode 0600)"));
        }
    }

    /** Where lock files of this store's profiles go: beside the config file. */
    public Path directory() {
        return configFile.path().toAbsolutePath().getParent();
    }

    /**
     * Keeps a client secret in the keychain only (never in the file): true when stored, false when there is no
     * keychain.
     */
    public boolean storeClientSecret(String profile, String secret) {
        try {
            keychain.store(clientSecretAccount(profile), secret);
            return true;
        } catch (Keychain.Unavailable e) {
            return false;
        }
    }

    public Optional<String> clientSecret(String profile) {
        try {
            return keychain.read(clientSecretAccount(profile));
        } catch (Keychain.Unavailable e) {
            return Optional.empty();
        }
    }

    private static String clientSecretAccount(String profile) {
        return profile + "#client-secret";
    }

    /** Forgets the token (and a client secret) wherever kept; the server still honours it until it is revoked there. */
    public boolean forget(String profile) throws CredentialsException {
        boolean found = read(profile).isPresent();
        try {
            keychain.delete(profile);
            keychain.delete(clientSecretAccount(profile));
        } catch (Keychain.Unavailable e) {
            if (e.locked()) {
                throw new CredentialsException(
                        "cannot remove the token of profile " + profile + " from the keychain: " + e.getMessage()
                                + "; nothing was removed",
                        e);
            }
            // Only the file then.
        }
        removeFromFile(profile);
        return found;
    }

    private void removeFromFile(String profile) throws CredentialsException {
        if (configFile.profile(profile).containsKey(ConfigFile.TOKEN_KEY)) {
            Map<String, String> values = new HashMap<>();
            values.put(ConfigFile.TOKEN_KEY, null);
            configFile.update(profile, values, false);
        }
    }
}
