package com.authlete.toolkit.transport;

/** An exchange with the API failed: the API answered with an error, or the network failed. */
public abstract class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    protected TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
