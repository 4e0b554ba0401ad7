package com.authlete.toolkit.core.client;

/** The values given do not fit the operation (a missing parameter, an unknown field, a bad enum value). */
public final class AuthleteInputException extends AuthleteException {
    private static final long serialVersionUID = 1L;

    public AuthleteInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
