package com.authlete.toolkit.core.client;

/** The API answered with an error: its HTTP status and, when it said them, Authlete's result code and message. */
public final class AuthleteApiException extends AuthleteException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String resultCode;
    private final String resultMessage;

    public AuthleteApiException(int status, String resultCode, String resultMessage, String message) {
        super(message, null);
        this.status = status;
        this.resultCode = resultCode;
        this.resultMessage = resultMessage;
    }

    public int status() {
        return status;
    }

    /** Such as {@code A001202}, or null. */
    public String resultCode() {
        return resultCode;
    }

    public String resultMessage() {
        return resultMessage;
    }
}
