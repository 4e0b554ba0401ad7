package com.authlete.toolkit.cli;

import com.github.rvesse.airline.annotations.Option;

/**
 * Flags every operation command accepts. Their names are in the catalog's reserved flags, so no body field
 * can shadow them (a test checks that).
 */
public final class GlobalOptions {

    @Option(name = "--bearer", title = "token",
            description = "API token (service or organization access token). Default: $AUTHLETE_BEARER. "
                    + "Prefer the environment variable: command-line arguments are visible to other local users.")
    String bearer;

    @Option(name = "--server", title = "0|1|2|3",
            description = "Authlete cluster by index: 0 us (default), 1 jp, 2 eu, 3 br.")
    String server;

    @Option(name = "--server-url", title = "url",
            description = "Base URL of the API, such as http://127.0.0.1:4010; wins over --server.")
    String serverUrl;

    @Option(name = "--body", title = "json|@file",
            description = "Request body as JSON text, or @path to read it from a file (@- for standard input).")
    String body;

    @Option(name = "--debug",
            description = "Print the HTTP exchange on standard error (credentials redacted), and stack traces on errors.")
    boolean debug;

    public boolean debug() {
        return debug;
    }
}
