package com.authlete.toolkit.transport.setup;

import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.debug.DebugLogHook;
import com.authlete.toolkit.transport.net.EnvironmentProxySelector;
import com.authlete.toolkit.transport.retry.RetryHook;
import com.authlete.toolkit.transport.tls.TrustAnchors;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one place a transport is built from options and the process environment: time limits, retries, the debug
 * log, {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, {@code SSL_CERT_FILE} and {@code --ca-cert}, plain-http
 * policy. Every front end (the CLI's API calls, its token checks, OAuth logins) and Java programs use it, so none
 * of them forgets a proxy or a CA. Bad input is an {@link IllegalArgumentException} naming the setting.
 */
public final class EnvironmentTransports {

    /** Retries when none are asked for. */
    public static final int DEFAULT_RETRIES = 2;

    private EnvironmentTransports() {
    }

    /**
     * @param token     the bearer token, or null for none (OAuth servers)
     * @param userAgent the User-Agent, such as {@code authlete-cli/1.0}
     * @param log       where --debug lines and retry notes go (standard error)
     */
    public static HttpTransport build(TransportOptions options, Map<String, String> environment, URI baseUrl, String token,
                                      String userAgent, PrintStream log) {
        HttpTransport.checkBearer(token);
        HttpTransport.Builder builder = HttpTransport.builder().baseUrl(baseUrl).bearer(token)
                .userAgent(userAgent).allowInsecureHttp(options.allowInsecureHttp());
        if (options.timeout() != null) {
            builder.requestTimeout(Durations.limit("--timeout", options.timeout()));
        }
        if (options.connectTimeout() != null) {
            builder.connectTimeout(Durations.limit("--connect-timeout", options.connectTimeout()));
        }
        if (options.readTimeout() != null) {
            builder.readTimeout(Durations.limit("--read-timeout", options.readTimeout()));
        }
        RetryHook retry = RetryHook.standard(retries(options.retries()), options.retryPost());
        // Retries outermost, the log inside them, so that every attempt is logged.
        builder.hook(options.debug() ? retry.withNotes(note -> log.println("* " + note)) : retry);
        if (options.debug()) {
            builder.hook(new DebugLogHook(log));
        }
        EnvironmentProxySelector proxies = EnvironmentProxySelector.fromEnvironment(environment);
        if (!proxies.isEmpty()) {
            builder.proxySelector(proxies);
        }
        String bundle = environment.get("SSL_CERT_FILE");
        if ("https".equalsIgnoreCase(baseUrl.getScheme()) && (options.caCert() != null || (bundle != null && !bundle.isBlank()))) {
            builder.sslContext(sslContext(options.caCert(), bundle));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (--allow-insecure-http)", e);
        }
    }

    private static int retries(String retries) {
        if (retries == null) {
            return DEFAULT_RETRIES;
        }
        try {
            int count = Integer.parseInt(retries.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException("--retry expects a number of retries (0 or more), got '" + retries + "'");
    }

    private static javax.net.ssl.SSLContext sslContext(String caCert, String bundle) {
        Path extra = caCert == null ? null : existing("--ca-cert", caCert);
        Path base = bundle == null || bundle.isBlank() ? null : existing("SSL_CERT_FILE", bundle);
        try {
            return TrustAnchors.sslContext(base, extra == null ? List.of() : List.of(extra));
        } catch (IOException e) {
            throw new IllegalArgumentException((caCert != null ? "--ca-cert" : "SSL_CERT_FILE") + ": " + e.getMessage(), e);
        }
    }

    private static Path existing(String what, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(what + ": no such file: " + file);
        }
        return path;
    }
}
