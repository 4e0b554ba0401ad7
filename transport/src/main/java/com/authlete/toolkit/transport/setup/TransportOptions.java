package com.authlete.toolkit.transport.setup;

/**
 * How a program wants its exchanges shaped, as the user wrote it (flags, settings): checked by
 * {@link EnvironmentTransports} with messages that name each setting. Null means the default.
 *
 * @param timeout           total time limit per request ({@code 30s}, {@code 0} for none; default none)
 * @param connectTimeout    time limit for connecting (default 10s)
 * @param readTimeout       longest silence from the server (default 60s)
 * @param retries           retries on 429/502/503/504 and broken connections (default 2)
 * @param retryPost         whether POST is retried too
 * @param caCert            a PEM file of extra trusted authorities
 * @param allowInsecureHttp whether plain http to hosts other than loopback is allowed
 * @param debug             whether each exchange is logged (redacted)
 */
public record TransportOptions(String timeout, String connectTimeout, String readTimeout, String retries, boolean retryPost,
                               String caCert, boolean allowInsecureHttp, boolean debug) {

    /** Every default. */
    public static final TransportOptions DEFAULTS = new TransportOptions(null, null, null, null, false, null, false, false);
}
