package com.authlete.toolkit.core.client;

/** Anything {@link AuthleteClient} could not do; unchecked, so that item streams can carry it. */
public class AuthleteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthleteException(String message, Throwable cause) {
        super(message, cause);
    }
}
