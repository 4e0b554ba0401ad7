package com.authlete.toolkit.core;

/**
 * What kind of failure an {@link AuthleteException} is. Every front end decides from this alone what to do: the CLI
 * turns it into an exit code, the MCP server into the wording of a tool error, a Java program into a retry or not.
 */
public enum ErrorCategory {
    /** The caller's input cannot make a valid request: a missing or malformed parameter, field or body. */
    BAD_INPUT,
    /** No token, or the API refused the token (HTTP 401). */
    NOT_AUTHENTICATED,
    /** The token may not do this (HTTP 403). */
    FORBIDDEN,
    /** The API has no such resource (HTTP 404). */
    NOT_FOUND,
    /** The API refused the request for another reason (another 4xx, or a redirect that is not followed). */
    REJECTED,
    /** Too many requests (HTTP 429), after the retries. */
    RATE_LIMITED,
    /** The API failed (HTTP 5xx), after the retries. */
    SERVER_ERROR,
    /** No answer: the connection failed, broke or timed out. */
    NETWORK,
    /** The server's pages of a list do not add up (it ignores start and end, repeats a page, or never stops). */
    PAGING,
    /** The local set-up is broken: a keychain that cannot be read, a config file that cannot be parsed. */
    CONFIGURATION,
    /** The front end's question before a destructive operation was not answered yes; nothing was sent. */
    CANCELLED;

    /** The category of an HTTP error status. */
    public static ErrorCategory ofStatus(int status) {
        return switch (status) {
            case 401 -> NOT_AUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? SERVER_ERROR : REJECTED;
        };
    }
}
