package com.authlete.toolkit.cli.output;

/** A response that cannot be shown as asked (not JSON where JSON was expected, a jq error), said in one line. */
public final class OutputException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
