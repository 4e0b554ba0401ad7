package com.authlete.toolkit.cli.completion;

/** Quoting for the shells' single-quoted strings. */
final class Quote {

    private Quote() {}

    /** bash, zsh and fish: single quotes, with embedded single quotes closed, escaped and reopened. */
    static String shell(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** PowerShell: single quotes doubled. */
    static String powershell(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
