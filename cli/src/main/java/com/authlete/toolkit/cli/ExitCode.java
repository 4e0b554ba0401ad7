package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.ErrorCategory;

/** The process exit statuses, documented in the README; scripts rely on them. */
public enum ExitCode {
    OK(0, "success"),
    ERROR(1, "API error or other failure; for diff: the files and the service differ"),
    USAGE(2, "usage error or bad input (unknown flag, malformed JSON, bad enum or number)"),
    NOT_AUTHENTICATED(3, "not authenticated (no token, or HTTP 401)"),
    FORBIDDEN(4, "forbidden (HTTP 403)"),
    NOT_FOUND(5, "not found (HTTP 404)"),
    RATE_LIMITED(6, "rate limited (HTTP 429)"),
    SERVER_ERROR(7, "server error (HTTP 5xx)"),
    NETWORK(8, "network failure or timeout");

    private final int status;
    private final String meaning;

    ExitCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }

    /** The one table from the library's failure categories to exit codes. */
    public static ExitCode of(ErrorCategory category) {
        return switch (category) {
            case BAD_INPUT -> USAGE;
            case NOT_AUTHENTICATED -> NOT_AUTHENTICATED;
            case FORBIDDEN -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case RATE_LIMITED -> RATE_LIMITED;
            case SERVER_ERROR -> SERVER_ERROR;
            case NETWORK -> NETWORK;
            case REJECTED, PAGING, CONFIGURATION, CANCELLED -> ERROR;
        };
    }

    /** The exit code for an HTTP error status. */
    public static ExitCode forHttpStatus(int status) {
        return of(ErrorCategory.ofStatus(status));
    }
}
