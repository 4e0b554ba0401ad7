package com.authlete.toolkit.core;

import java.util.Optional;

/**
 * Anything a call of the API could not do, for every front end: one unchecked family (so that item streams can carry
 * it) whose {@link #category()} says what kind of failure it is. An answer of the API carries its HTTP status and, when
 * the API said them, its {@code resultCode} and {@code resultMessage}; bad input names the parameter by its API name
 * ({@code serviceId}) and the problem. Messages name no front end's flags or arguments: front ends phrase those.
 */
public class AuthleteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final int status;
    private final String resultCode;
    private final String resultMessage;

    public AuthleteException(ErrorCategory category, String message, Throwable cause) {
        this(category, 0, null, null, message, cause);
    }

    /** @param status the HTTP status of the API's answer, or 0 */
    public AuthleteException(
            ErrorCategory category,
            int status,
            String resultCode,
            String resultMessage,
            String message,
            Throwable cause) {
        super(message, cause);
        this.category = category;
        this.status = status;
        this.resultCode = resultCode;
        this.resultMessage = resultMessage;
    }

    /** The same failure told with another message (what was being done when it happened), category and status kept. */
    public static AuthleteException wrap(String message, AuthleteException cause) {
        return new AuthleteException(
                cause.category, cause.status, cause.resultCode, cause.resultMessage, message, cause);
    }

    public ErrorCategory category() {
        return category;
    }

    /** The HTTP status of the API's answer, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** Authlete's result code, such as {@code A001202}, when the answer had one. */
    public Optional<String> resultCode() {
        return Optional.ofNullable(resultCode);
    }

    public Optional<String> resultMessage() {
        return Optional.ofNullable(resultMessage);
    }

    /** For bad input: the parameter or body field at fault, by its API name ({@code serviceId}), when one is. */
    public Optional<String> parameter() {
        return Optional.empty();
    }

    /** For bad input: what is wrong with the {@link #parameter()}, such as {@code expects an integer, got 'x'}. */
    public Optional<String> problem() {
        return Optional.empty();
    }
}
