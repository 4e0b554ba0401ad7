package com.authlete.toolkit.cli;

import com.github.rvesse.airline.annotations.Option;

/**
 * The flags that shape an exchange with a server (time limits, retries, trust, plain http, the debug log): part of
 * every API command's global flags, and taken by the account commands that talk to a server too.
 */
public final class NetworkOptions {

    @Option(name = "--timeout", title = "duration",
            description = "Time limit for each whole request, body included, such as 30s, 500ms or 2m (default: none; 0 = none).")
    String timeout;

    @Option(name = "--connect-timeout", title = "duration",
            description = "Time limit for opening a connection (default 10s; 0 = none).")
    String connectTimeout;

    @Option(name = "--read-timeout", title = "duration",
            description = "Longest silence allowed from the server, before and during the answer (default 60s; 0 = none).")
    String readTimeout;

    @Option(name = "--retry", title = "n",
            description = "Retries on 429, 502, 503, 504 and broken connections, for GET, PUT and DELETE (default 2; 0 disables).")
    String retry;

    @Option(name = "--retry-post", description = "Retry POST requests too (they may not be safe to repeat).")
    boolean retryPost;

    @Option(name = "--ca-cert", title = "pem-file",
            description = "Also trust the certificate authorities in this PEM file (SSL_CERT_FILE replaces the default ones).")
    String caCert;

    @Option(name = "--allow-insecure-http",
            description = "Allow plain http to hosts other than loopback (the token then travels unencrypted).")
    boolean allowInsecureHttp;

    /** The flags as the transport module takes them. */
    public com.authlete.toolkit.transport.setup.TransportOptions toOptions() {
        return new com.authlete.toolkit.transport.setup.TransportOptions(timeout, connectTimeout, readTimeout, retry, retryPost, caCert,
                allowInsecureHttp, debug);
    }

    @Option(name = "--debug",
            description = "Print the HTTP exchange on standard error (credentials redacted), and stack traces on errors.")
    boolean debug;
}
