package com.authlete.toolkit.credentials;

/** A profile asked for by name that the config file does not hold: bad input rather than a broken store. */
public final class UnknownProfileException extends CredentialsException {
    private static final long serialVersionUID = 1L;

    private final String profile;

    public UnknownProfileException(String profile, String message) {
        super(message);
        this.profile = profile;
    }

    /** The name asked for. */
    public String profile() {
        return profile;
    }
}
