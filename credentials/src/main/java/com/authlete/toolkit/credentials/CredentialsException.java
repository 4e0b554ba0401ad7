package com.authlete.toolkit.credentials;

/** A configuration or credential problem with a message fit for one line (naming the file and line where known). */
public class CredentialsException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
