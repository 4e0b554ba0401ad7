package com.authlete.toolkit.cli;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns the networking flags and environment into a configured transport. */
public final class TransportSetup {

    static final int DEFAULT_RETRIES = 2;

    private TransportSetup() {
    }

    public static HttpTransport build(NetworkOptions flags, Map<String, String> environment, URI baseUrl, String token, String version,
                               PrintStream err) throws CliException {
        try {
            HttpTransport.checkBearer(token);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        HttpTransport.Builder builder = HttpTransport.builder().baseUrl(baseUrl).bearer(token)
                .userAgent("authlete-cli/" + version).allowInsecureHttp(flags.allowInsecureHttp);
        if (flags.timeout != null) {
            builder.requestTimeout(Durations.limit("--timeout", flags.timeout));
        }
        if (flags.connectTimeout != null) {
            builder.connectTimeout(Durations.limit("--connect-timeout", flags.connectTimeout));
        }
        if (flags.readTimeout != null) {
            builder.readTimeout(Durations.limit("--read-timeout", flags.readTimeout));
        }
        RetryHook retry = RetryHook.standard(retries(flags), flags.retryPost);
        // Retries outermost, the log inside them, so that every attempt is logged.
        builder.hook(flags.debug ? retry.withNotes(note -> err.println("* " + note)) : retry);
        if (flags.debug) {
            builder.hook(new DebugLogHook(err));
        }
        try {
            EnvironmentProxySelector proxies = EnvironmentProxySelector.fromEnvironment(environment);
            if (!proxies.isEmpty()) {
                builder.proxySelector(proxies);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        String bundle = environment.get("SSL_CERT_FILE");
        if ("https".equalsIgnoreCase(baseUrl.getScheme()) && (flags.caCert != null || (bundle != null && !bundle.isBlank()))) {
            builder.sslContext(sslContext(flags.caCert, bundle));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + " (--allow-insecure-http)");
        }
    }

    /**
     * Transports for OAuth servers, set up like the API's (proxies, CA bundle, debug log, retries) but without the
     * API token; {@code flags} may be null for the defaults.
     */
    public static com.authlete.toolkit.credentials.oauth.TransportFactory oauth(NetworkOptions flags, Map<String, String> environment,
                                                                                String version, PrintStream err) {
        NetworkOptions options = flags == null ? new NetworkOptions() : flags;
        return origin -> {
            try {
                return build(options, environment, origin, null, version, err);
            } catch (CliException e) {
                throw new com.authlete.toolkit.credentials.CredentialsException(e.getMessage(), e);
            }
        };
    }

    private static int retries(NetworkOptions flags) throws CliException {
        if (flags.retry == null) {
            return DEFAULT_RETRIES;
        }
        try {
            int retries = Integer.parseInt(flags.retry.strip());
            if (retries >= 0) {
                return retries;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw CliException.usage("--retry expects a number of retries (0 or more), got '" + flags.retry + "'");
    }

    private static javax.net.ssl.SSLContext sslContext(String caCert, String bundle) throws CliException {
        Path extra = caCert == null ? null : existing("--ca-cert", caCert);
        Path base = bundle == null || bundle.isBlank() ? null : existing("SSL_CERT_FILE", bundle);
        try {
            return TrustAnchors.sslContext(base, extra == null ? List.of() : List.of(extra));
        } catch (IOException e) {
            throw CliException.usage((caCert != null ? "--ca-cert" : "SSL_CERT_FILE") + ": " + e.getMessage());
        }
    }

    private static Path existing(String what, String file) throws CliException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw CliException.usage(what + ": no such file: " + file);
        }
        return path;
    }
}
