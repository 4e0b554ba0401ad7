package com.authlete.toolkit.core.exchange;

import java.io.PrintStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the API, as typed values. Null durations mean no limit, except where a default is named.
 *
 * @param baseUrl             the API server, such as {@code https://us.authlete.com}
 * @param userAgent           the User-Agent header
 * @param timeout             time allowed for a whole exchange, body included (default none)
 * @param connectTimeout      time allowed to open a connection (default 10 s)
 * @param readTimeout         longest silence from the server (default 60 s)
 * @param retries             retries on 429/502/503/504 and broken connections (default 2)
 * @param retryPost           whether POST requests are retried too (they may not be idempotent)
 * @param proxy               proxies to use, or null for a direct connection
 * @param trustedCertificates PEM files of authorities trusted beside the base ones
 * @param certificateBundle   a PEM file of authorities that replaces the JDK's, or null
 * @param allowInsecureHttp   whether plain http to hosts other than loopback is allowed (the token travels in clear)
 * @param debugLog            where each exchange is logged, redacted, or null for no log
 */
public record ConnectionSettings(
        URI baseUrl,
        String userAgent,
        Duration timeout,
        Duration connectTimeout,
        Duration readTimeout,
        int retries,
        boolean retryPost,
        ProxySelector proxy,
        List<Path> trustedCertificates,
        Path certificateBundle,
        boolean allowInsecureHttp,
        PrintStream debugLog) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_RETRIES = 2;

    public ConnectionSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
    }

    /** The defaults for one server. */
    public static ConnectionSettings of(URI baseUrl, String userAgent) {
        return new ConnectionSettings(
                baseUrl,
                userAgent,
                null,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_RETRIES,
                false,
                null,
                List.of(),
                null,
                false,
                null);
    }

    public ConnectionSettings withBaseUrl(URI url) {
        return new ConnectionSettings(
                url,
                userAgent,
                timeout,
                connectTimeout,
                readTimeout,
                retries,
                retryPost,
                proxy,
                trustedCertificates,
                certificateBundle,
                allowInsecureHttp,
                debugLog);
    }
}
