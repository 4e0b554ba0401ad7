package com.authlete.toolkit.transport.setup;

import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.core.exchange.Exchange;
import com.authlete.toolkit.core.exchange.ExchangeProvider;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.debug.DebugLogHook;
import com.authlete.toolkit.transport.net.EnvironmentProxySelector;
import com.authlete.toolkit.transport.retry.RetryHook;
import com.authlete.toolkit.transport.tls.TlsProviders;
import com.authlete.toolkit.transport.tls.TrustAnchors;
import java.io.IOException;
import java.net.ProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.util.Map;

/**
 * The one place a transport is built from typed {@link ConnectionSettings}: time limits, retries, the debug log,
 * proxies, trusted certificates, the plain-http policy. Every front end (API calls, token checks, OAuth logins) and
 * Java programs get their transport here, so none of them forgets a proxy or a CA; {@link #withEnvironment} adds what
 * the process environment says ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}, {@code SSL_CERT_FILE}).
 * Found by {@link java.util.ServiceLoader} as the core's {@link ExchangeProvider}.
 */
public final class EnvironmentTransports implements ExchangeProvider {

    /** Bad settings are {@link IllegalArgumentException}s that name the setting. */
    @Override
    public Exchange open(ConnectionSettings settings) {
        return build(settings, null);
    }

    /**
     * @param token the bearer token sent with every request, or null for none (OAuth servers; the core adds its own)
     */
    public static HttpTransport build(ConnectionSettings settings, String token) {
        HttpTransport.checkBearer(token);
        HttpTransport.Builder builder = HttpTransport.builder()
                .baseUrl(settings.baseUrl())
                .bearer(token)
                .userAgent(settings.userAgent())
                .allowInsecureHttp(settings.allowInsecureHttp())
                .requestTimeout(settings.timeout())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout());
        RetryHook retry = RetryHook.standard(settings.retries(), settings.retryPost());
        // Retries outermost, the log inside them, so that every attempt is logged.
        builder.hook(
                settings.debugLog() != null
                        ? retry.withNotes(note -> settings.debugLog().println("* " + note))
                        : retry);
        if (settings.debugLog() != null) {
            builder.hook(new DebugLogHook(settings.debugLog()));
        }
        if (settings.proxy() != null) {
            builder.proxySelector(settings.proxy());
        }
        boolean https = "https".equalsIgnoreCase(settings.baseUrl().getScheme());
        Provider tls = https ? TlsProviders.forEnvironment(System.getenv()) : null;
        if (https && settings.debugLog() != null) {
            settings.debugLog().println("* TLS: " + (tls == null ? "the JDK's" : tls.getName() + " (native)"));
        }
        if (https
                && (tls != null
                        || settings.certificateBundle() != null
                        || !settings.trustedCertificates().isEmpty())) {
            try {
                builder.sslContext(
                        TrustAnchors.sslContext(settings.certificateBundle(), settings.trustedCertificates(), tls));
            } catch (IOException e) {
                throw new IllegalArgumentException("trusted certificates: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** A provider for the core's client builder that adds what the environment says to its settings. */
    public static ExchangeProvider fromEnvironment(Map<String, String> environment) {
        return settings -> build(withEnvironment(settings, environment), null);
    }

    /**
     * The settings with what the environment adds: its proxies (unless the settings name one) and its
     * {@code SSL_CERT_FILE} bundle (unless the settings name one).
     *
     * @throws IllegalArgumentException when {@code SSL_CERT_FILE} names no file
     */
    public static ConnectionSettings withEnvironment(ConnectionSettings settings, Map<String, String> environment) {
        ProxySelector proxy = settings.proxy();
        if (proxy == null) {
            EnvironmentProxySelector proxies = EnvironmentProxySelector.fromEnvironment(environment);
            proxy = proxies.isEmpty() ? null : proxies;
        }
        Path bundle = settings.certificateBundle();
        String named = environment.get("SSL_CERT_FILE");
        if (bundle == null && named != null && !named.isBlank()) {
            bundle = Path.of(named);
            if (!Files.isRegularFile(bundle)) {
                throw new IllegalArgumentException("SSL_CERT_FILE: no such file: " + named);
            }
        }
        return new ConnectionSettings(
                settings.baseUrl(),
                settings.userAgent(),
                settings.timeout(),
                settings.connectTimeout(),
                settings.readTimeout(),
                settings.retries(),
                settings.retryPost(),
                proxy,
                settings.trustedCertificates(),
                bundle,
                settings.allowInsecureHttp(),
                settings.debugLog());
    }
}
