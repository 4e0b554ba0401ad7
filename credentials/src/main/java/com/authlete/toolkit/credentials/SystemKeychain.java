package com.authlete.toolkit.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.secret.simple.SimpleCollection;

/**
 * The operating system's keychain through java-keyring: entries with service {@value #SERVICE} and the profile
 * name as account (so {@code secret-tool lookup service authlete-cli account <profile>} finds them on Linux).
 */
public final class SystemKeychain implements Keychain {

    public static final String SERVICE = "authlete-cli";
    private static final String CHOICE_ENV = KeychainChoice.ENV;
    /** A keychain waiting for an unlock prompt that no one can answer (no display) would wait for ever. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    /** How long the session bus may take to say hello before the keychain is taken as unusable now. */
    static final Duration BUS_PROBE_LIMIT = Duration.ofSeconds(2);

    private final String busAddress;
    private Optional<String> busProblem;

    private SystemKeychain(String busAddress) {
        this.busAddress = busAddress;
    }

    /**
     * The system keychain, or {@link Keychain#NONE} when turned off or, on Linux, when there is no D-Bus session.
     *
     * @throws IllegalArgumentException when {@code AUTHLETE_KEYCHAIN} has a value other than system, auto or none
     */
    public static Keychain forEnvironment(Map<String, String> environment) {
        String choice = KeychainChoice.of(environment);
        if (choice.equals("none")) {
            return NONE;
        }
        if (LINUX && environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            return Keychain.unavailable("no D-Bus session, so no Secret Service keyring");
        }
        return new SystemKeychain(environment.get("DBUS_SESSION_BUS_ADDRESS"));
    }

    /** Runs a keychain call with a time limit: a locked keyring may otherwise wait for an unlock prompt for ever. */
    private static <T> T bounded(Callable<T> call) throws Unavailable {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "authlete-keychain");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new Unavailable(
                    "the keychain did not answer within " + TIMEOUT.toSeconds()
                            + " s (a locked keyring waiting for an unlock prompt?); unlock it, or set " + CHOICE_ENV
                            + "=none",
                    e,
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the keychain", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Unavailable unavailable) {
                throw unavailable;
            }
            throw new Unavailable(
                    "the keychain failed (" + e.getCause().getClass().getSimpleName() + ")", e.getCause());
        }
    }

    /**
     * On Linux, a locked keyring answers a read with "no such entry" and a write with an internal error; asking the
     * Secret Service whether the default collection is locked turns both into one clear message.
     */
    private static void refuseIfLocked() throws Unavailable {
        if (!LINUX) {
            return;
        }
        boolean locked = bounded(() -> {
            try (SimpleCollection collection = new SimpleCollection()) {
                return collection.isLocked();
            } catch (Exception | LinkageError e) {
                return false; // Not the Secret Service, or it cannot tell: the call's own outcome stands.
            }
        });
        if (locked) {
            throw new Unavailable(
                    "the keyring is locked; unlock it (log in to the desktop session, or run "
                            + "gnome-keyring-daemon --unlock), or set " + CHOICE_ENV + "=none",
                    null,
                    true);
        }
    }

    private static Keyring open() throws Unavailable {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException e) {
            throw new Unavailable("no keychain available (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * A session bus that accepts and never answers is found out before the keyring library meets it: once that
     * library waits on such a bus, nothing (not even SIGTERM, through its shutdown hook) ends the process.
     */
    private void requireAnsweringBus() throws Unavailable {
        if (!LINUX) {
            return;
        }
        if (busProblem == null) {
            busProblem = SessionBusProbe.problem(busAddress, BUS_PROBE_LIMIT);
        }
        if (busProblem.isPresent()) {
            throw new Unavailable(
                    busProblem.get() + ", so the keychain cannot be used now; fix the session (or unset "
                            + "DBUS_SESSION_BUS_ADDRESS), or set " + CHOICE_ENV + "=none",
                    null,
                    true);
        }
    }

    @Override
    public Optional<String> read(String profile) throws Unavailable {
        requireAnsweringBus();
        Optional<String> token;
        try {
            token = bounded(() -> {
                try (Keyring keyring = open()) {
                    return Optional.ofNullable(keyring.getPassword(SERVICE, profile))
                            .filter(t -> !t.isBlank());
                } catch (PasswordAccessException e) {
                    return Optional.<String>empty(); // also what a locked keyring answers: checked below
                }
            });
        } catch (Unavailable e) {
            refuseIfLocked();
            throw e;
        }
        if (token.isEmpty()) {
            refuseIfLocked();
        }
        return token;
    }

    @Override
    public void store(String profile, String token) throws Unavailable {
        requireAnsweringBus();
        try {
            bounded(() -> {
                try (Keyring keyring = open()) {
                    keyring.setPassword(SERVICE, profile, token);
                }
                return null;
            });
        } catch (Unavailable e) {
            refuseIfLocked();
            // java-keyring fails with a NullPointerException when the keyring is locked or was never created.
            throw e.locked() || e.getCause() instanceof BackendNotSupportedException
                    ? e
                    : new Unavailable("the keychain refused the token (was a keyring ever created here?)", e);
        }
    }

    @Override
    public void delete(String profile) throws Unavailable {
        requireAnsweringBus();
        refuseIfLocked(); // deleting from a locked keyring waits for an unlock prompt
        bounded(() -> {
            try (Keyring keyring = open()) {
                keyring.deletePassword(SERVICE, profile);
            } catch (PasswordAccessException e) {
                // Nothing stored: nothing to delete.
            }
            return null;
        });
    }
}
