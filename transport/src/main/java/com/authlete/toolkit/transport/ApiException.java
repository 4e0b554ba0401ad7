package com.authlete.toolkit.transport;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;

/**
 * The API answered with an HTTP error status (its category from the status). Carries the API's {@code resultCode} and {@code resultMessage}
 * when its error body had them.
 */
public class ApiException extends AuthleteException {

    private static final long serialVersionUID = 1L;

    private final String body;

    public ApiException(int status, String resultCode, String resultMessage, String body) {
        super(
                ErrorCategory.ofStatus(status),
                status,
                resultCode,
                resultMessage,
                describe(status, resultCode, resultMessage),
                null);
        this.body = body;
    }

    /** An answer that is not an error body, described by {@code message}. */
    protected ApiException(int status, String message) {
        super(ErrorCategory.ofStatus(status), status, null, null, message, null);
        this.body = "";
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
