package com.authlete.toolkit.transport;

import java.util.Optional;

/**
 * The API answered with an HTTP error status. Carries the API's {@code resultCode} and {@code resultMessage}
 * when its error body had them.
 */
public class ApiException extends TransportException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String resultCode;
    private final String resultMessage;
    private final String body;

    public ApiException(int status, String resultCode, String resultMessage, String body) {
        super(describe(status, resultCode, resultMessage), null);
        this.status = status;
        this.resultCode = resultCode;
        this.resultMessage = resultMessage;
        this.body = body;
    }

    /** An answer that is not an error body, described by {@code message}. */
    protected ApiException(int status, String message) {
        super(message, null);
        this.status = status;
        this.resultCode = null;
        this.resultMessage = null;
        this.body = "";
    }

    public int status() {
        return status;
    }

    public Optional<String> resultCode() {
        return Optional.ofNullable(resultCode);
    }

    public Optional<String> resultMessage() {
        return Optional.ofNullable(resultMessage);
    }

    /** The start of the error body as text (bounded), for diagnostics. */
    public String body() {
        return body;
    }

    private static String describe(int status, String resultCode, String resultMessage) {
        StringBuilder text = new StringBuilder();
        if (resultMessage != null && !resultMessage.isBlank()) {
            text.append(resultMessage.strip());
            if (resultCode != null && !resultMessage.contains(resultCode)) {
                text.append(" [").append(resultCode).append(']');
            }
        } else {
            text.append("the API answered HTTP ").append(status).append(' ').append(StatusText.of(status));
            return text.toString();
        }
        return text.append(" (HTTP ").append(status).append(')').toString();
    }
}
