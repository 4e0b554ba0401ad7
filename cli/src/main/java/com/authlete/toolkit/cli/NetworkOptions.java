package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.github.rvesse.airline.annotations.Option;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The flags that shape an exchange with a server (time limits, retries, trust, plain http, the debug log): part of
 * every API command's global flags, and taken by the built-in commands that talk to a server too.
 */
public final class NetworkOptions {

    @Option(
            name = "--timeout",
            title = "duration",
            description =
                    "Time limit for each whole request, body included, such as 30s, 500ms or 2m (default: none; 0 = none).")
    String timeout;

    @Option(
            name = "--connect-timeout",
            title = "duration",
            description = "Time limit for opening a connection (default 10s; 0 = none).")
    String connectTimeout;

    @Option(
            name = "--read-timeout",
            title = "duration",
            description =
                    "Longest silence allowed from the server, before and during the answer (default 60s; 0 = none).")
    String readTimeout;

    @Option(
            name = "--retry",
            title = "n",
            description =
                    "Retries on 429, 502, 503, 504 and broken connections, for GET, PUT and DELETE (default 2; 0 disables).")
    String retry;

    @Option(name = "--retry-post", description = "Retry POST requests too (they may not be safe to repeat).")
    boolean retryPost;

    @Option(
            name = "--ca-cert",
            title = "pem-file",
            description =
                    "Also trust the certificate authorities in this PEM file (SSL_CERT_FILE replaces the default ones).")
    String caCert;

    @Option(
            name = "--allow-insecure-http",
            description = "Allow plain http to hosts other than loopback (the token then travels unencrypted).")
    boolean allowInsecureHttp;

    /** The flags as the library's typed settings; a bad value is an {@link IllegalArgumentException} naming its flag. */
    public ConnectionSettings settings(URI baseUrl, String userAgent, PrintStream log) {
        AuthleteClient.Builder builder =
                AuthleteClient.builder().baseUrl(baseUrl).userAgent(userAgent);
        applyTo(builder, log);
        return builder.connectionSettings();
    }

    public boolean debugging() {
        return debug;
    }

    /** Sets the flags on a client's builder; {@code log} takes the --debug lines. */
    public void applyTo(AuthleteClient.Builder builder, PrintStream log) {
        if (timeout != null) {
            builder.timeout(Durations.limit("--timeout", timeout));
        }
        if (connectTimeout != null) {
            builder.connectTimeout(Durations.limit("--connect-timeout", connectTimeout));
        }
        if (readTimeout != null) {
            builder.readTimeout(Durations.limit("--read-timeout", readTimeout));
        }
        builder.retries(retries(), retryPost)
                .allowInsecureHttp(allowInsecureHttp)
                .debugLog(debug ? log : null);
        if (caCert != null) {
            Path file = Path.of(caCert);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--ca-cert: no such file: " + caCert);
            }
            builder.trust(file);
        }
    }

    private int retries() {
        if (retry == null) {
            return ConnectionSettings.DEFAULT_RETRIES;
        }
        try {
            int count = Integer.parseInt(retry.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException("--retry expects a number of retries (0 or more), got '" + retry + "'");
    }

    @Option(
            name = "--debug",
            description =
                    "Print the HTTP exchange on standard error (credentials redacted), and stack traces on errors.")
    boolean debug;
}
