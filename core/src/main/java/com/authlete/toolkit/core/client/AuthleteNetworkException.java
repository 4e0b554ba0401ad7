package com.authlete.toolkit.core.client;

/** No answer: the connection failed, timed out or broke. */
public final class AuthleteNetworkException extends AuthleteException {
    private static final long serialVersionUID = 1L;

    public AuthleteNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
