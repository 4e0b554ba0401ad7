package com.authlete.toolkit.core.request;

/** The caller's input cannot make a valid request: a missing or malformed parameter, field or body. */
public class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
