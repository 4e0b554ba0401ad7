package com.authlete.toolkit.credentials;

import java.util.Optional;

/** Tokens kept by the operating system (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows). */
public interface Keychain {

    /** The stored token of a profile. */
    Optional<String> read(String profile) throws Unavailable;

    void store(String profile, String token) throws Unavailable;

    void delete(String profile) throws Unavailable;

    /** No keychain can be used here (no D-Bus session, locked or missing keyring, turned off). */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean locked;

        public Unavailable(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** @param locked the keychain is there but locked: what it holds cannot be read, changed or removed now */
        public Unavailable(String message, Throwable cause, boolean locked) {
            super(message, cause);
            this.locked = locked;
        }

        public boolean locked() {
            return locked;
        }
    }

    /** A keychain that is never available: {@code AUTHLETE_KEYCHAIN=none}. */
    Keychain NONE = unavailable("the keychain is turned off (AUTHLETE_KEYCHAIN=none)");

    /** A keychain that cannot be used, for the given reason. */
    static Keychain unavailable(String reason) {
        return new Keychain() {
            @Override
            public Optional<String> read(String profile) throws Unavailable {
                throw new Unavailable(reason, null);
            }

            @Override
            public void store(String profile, String token) throws Unavailable {
                throw new Unavailable(reason, null);
            }

            @Override
            public void delete(String profile) throws Unavailable {
                throw new Unavailable(reason, null);
            }
        };
    }
}
