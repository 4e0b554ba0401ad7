package com.authlete.toolkit.credentials;

/** A profile asked for by name that the config file does not hold: bad input rather than a broken store. */
public final class UnknownProfileException extends CredentialsException {
    private static final long serialVersionUID = 1L;

    public UnknownProfileException(String message) {
        super(message);
    }
}
