package com.authlete.toolkit.transport;

import com.authlete.toolkit.core.exchange.ConnectionSettings;
import com.authlete.toolkit.core.exchange.Exchange;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.exchange.TokenSource;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.transport.tls.HostMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Sends requests to one API server with one {@link HttpClient}: adds the bearer token, runs the hooks around
 * each exchange, streams successful responses and turns error statuses into {@link ApiException}s.
 *
 * <pre>{@code
 * try (HttpTransport http = HttpTransport.builder().baseUrl(URI.create("https://us.authlete.com"))
 *         .bearer(token).build()) {
 *     try (TransportResponse response = http.send("GET", "/api/service/get/list", Map.of(), null)) {
 *         response.body().transferTo(System.out);
 *     }
 * }
 * }</pre>
 */
public final class HttpTransport implements Exchange {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    public static final Duration DEFAULT_CONNECT_TIMEOUT = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT;
    public static final Duration DEFAULT_READ_TIMEOUT = ConnectionSettings.DEFAULT_READ_TIMEOUT;

    /** The JDK client's message for a 204 response with Content-Length or Transfer-Encoding. */
    static final String NO_CONTENT_WITH_BODY = "unexpected content length header with 204 response";

    private final HttpClient client;
    private final URI baseUrl;
    private final String bearer;
    private final Duration requestTimeout;
    private final Duration readTimeout;
    private final String userAgent;
    private final List<ExchangeHook> hooks;

    private HttpTransport(Builder builder) {
        this.baseUrl = Objects.requireNonNull(builder.baseUrl, "baseUrl");
        checkBearer(builder.bearer);
        this.bearer = builder.bearer;
        this.requestTimeout = builder.requestTimeout;
        this.readTimeout = builder.readTimeout;
        this.userAgent = builder.userAgent;
        this.hooks = List.copyOf(builder.hooks);
        if (!builder.allowInsecureHttp) {
            requireTlsBeyondLoopback(baseUrl);
        }
        HttpClient.Builder client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (builder.connectTimeout != null) {
            client.connectTimeout(builder.connectTimeout);
        }
        if (builder.proxySelector != null) {
            client.proxy(builder.proxySelector);
        }
        if (builder.sslContext != null) {
            client.sslContext(builder.sslContext);
        } else if ("http".equalsIgnoreCase(baseUrl.getScheme())) {
            // The client would load the JDK's default TLS context (the TLS provider and the whole CA store) even
            // for plain http; one that refuses to be used keeps the TLS classes out of the process.
            client.sslContext(NoTls.CONTEXT).sslParameters(NoTls.parameters());
        }
        this.client = client.build();
    }

    /**
     * A token must be printable ASCII without spaces (RFC 6750's b64token and then some). Anything else would be
     * refused by the HTTP client with the whole header value, token included, in its message; this one names
     * only the position.
     *
     * @throws IllegalArgumentException when the token has a space, control or non-ASCII character
     */
    public static void checkBearer(String token) {
        TokenSource.check(token);
    }

    /**
     * Plain http is fine where the traffic never leaves the machine: {@code localhost}, or an IP literal in
     * 127.0.0.0/8 or {@code ::1}. Names are not resolved (a name that merely starts with 127. or ends with
     * .localhost could point anywhere), and no lookup is spent on it.
     */
    /**
     * Plain http only to this machine: to any other host the token would travel unencrypted.
     *
     * @throws IllegalArgumentException for a plain http URL to another host
     */
    public static void requireTlsBeyondLoopback(URI url) {
        if ("http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("refusing plain http to " + url.getHost()
                    + ": the token would travel unencrypted; use https, or allow insecure http explicitly");
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
            return name.matches("[0-9a-f:.]+") && literalIsLoopback(name);
        }
        return IPV4.matcher(name).matches() && literalIsLoopback(name);
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** For IP literals only: {@code InetAddress} parses a literal without any lookup. */
    private static boolean literalIsLoopback(String literal) {
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Sends a request to {@code target} (path and query, relative to the base URL).
     *
     * @return the response of a 1xx or 2xx status, with its body still to be read
     * @throws ApiException     when the status is 400 or above, or a redirect ({@link RedirectException})
     * @throws NetworkException when no answer arrives
     */
    public TransportResponse send(String method, String target, Map<String, String> headers, byte[] body) {
        return send(new PreparedRequest(method, target, headers, body));
    }

    /** Sends a request of the core; its Authorization header, when it has one, wins over this transport's token. */
    @Override
    public TransportResponse send(PreparedRequest request) {
        return send(request(request));
    }

    /** The request {@link #send(PreparedRequest)} would send, with token and user agent; sends nothing. */
    public TransportRequest request(PreparedRequest prepared) {
        String target = prepared.target();
        URI uri = URI.create(baseUrl + (target.startsWith("/") ? target : "/" + target));
        TransportRequest request = new TransportRequest(
                prepared.method(), uri, TransportRequest.single(prepared.headers()), prepared.body());
        if (userAgent != null) {
            request = request.withHeader("User-Agent", userAgent);
        }
        String given = prepared.header("Authorization").orElse(null);
        if (given != null) {
            if (given.startsWith("Bearer ")) {
                checkBearer(given.substring("Bearer ".length()));
            }
        } else if (bearer != null) {
            request = request.withHeader("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    @Override
    public PreparedRequest preview(PreparedRequest prepared) {
        TransportRequest request = request(prepared);
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return new PreparedRequest(request.method(), request.uri().toString(), headers, request.body());
    }

    /** Sends a prepared request through the hooks; see {@link #send(String, String, Map, byte[])}. */
    public TransportResponse send(TransportRequest request) {
        TransportResponse response;
        try {
            response = new HookChain(0, request).proceed(request);
        } catch (HttpConnectTimeoutException e) {
            throw new NetworkException(request.uri(), "connection timed out", true, e);
        } catch (HttpTimeoutException e) {
            throw new NetworkException(request.uri(), "request timed out", true, e);
        } catch (ConnectException e) {
            if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
                throw new NetworkException(
                        request.uri(), "unknown host " + request.uri().getHost(), false, e);
            }
            throw new NetworkException(request.uri(), "cannot connect", false, e);
        } catch (SSLException e) {
            throw new NetworkException(
                    request.uri(),
                    "TLS failure: " + describeTls(e, request.uri().getHost()),
                    false,
                    e);
        } catch (InterruptedIOException e) {
            throw new NetworkException(request.uri(), "interrupted", false, e);
        } catch (IOException e) {
            throw new NetworkException(request.uri(), "network failure: " + describe(e), false, e);
        }
        if (response.status() >= 400) {
            throw ErrorMapping.toException(response, tokenOf(request));
        }
        if (response.status() >= 300) {
            // Never followed: the token would go wherever the server points, and a redirect from an API is not an
            // answer anyone asked for.
            String location = response.header("Location").orElse(null);
            try {
                response.close();
            } catch (IOException ignored) {
                // Only frees the connection.
            }
            throw new RedirectException(response.status(), location == null ? null : shownLocation(request, location));
        }
        return response;
    }

    /** Where a redirect pointed, as safe to print: secrets in its query and the request's own token masked. */
    private static String shownLocation(TransportRequest request, String location) {
        String shown;
        try {
            shown = Redactor.uri(request.uri().resolve(location));
        } catch (IllegalArgumentException notAUri) {
            shown = Redactor.embedded(location);
        }
        return Redactor.without(tokenOf(request), shown);
    }

    /** The token a request carries, masked wherever an answer repeats it. */
    private static String tokenOf(TransportRequest request) {
        return request.header("Authorization")
                .filter(value -> value.startsWith("Bearer "))
                .map(value -> value.substring("Bearer ".length()))
                .orElse(null);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong in a handshake, in words: JSSE's own messages name the check, not the reason. */
    static String describeTls(SSLException e, String host) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return "the server's certificate has expired (" + cause.getMessage() + ")";
            }
            if (cause instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet (" + cause.getMessage() + ")";
            }
            if (cause instanceof HostMismatchException mismatch) {
                return "the server's certificate is not for " + host + " (it is for " + mismatch.names() + ")";
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
                return "the server's certificate is not for " + host + " (" + message + ")";
            }
            if (message.contains("trustAnchors parameter must be non-empty")) {
                return "no certificate authority is trusted: the trust store is empty or cannot be read"
                        + " (javax.net.ssl.trustStore and its password, or the JDK's cacerts)";
            }
            // The JDK's words and BoringSSL's (through Conscrypt) for a first answer that is not TLS at all: one
            // message whichever runs the handshake.
            if (message.contains("plaintext connection") || message.contains("Unable to parse TLS packet header")) {
                return "the server did not answer in TLS: is it plain http on this port?";
            }
            if (message.contains("unable to find valid certification path")) {
                return "the server's certificate is not from a trusted authority (trust its authority's certificate, or name a bundle"
                        + " with SSL_CERT_FILE)";
            }
        }
        return describe(e);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private TransportResponse exchange(TransportRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        long started = System.nanoTime();
        // The client's own timeout runs until the headers arrive: the shorter of the whole-request limit and the
        // idle limit (a server that accepts and then says nothing is idle all along).
        Duration untilHeaders = requestTimeout == null
                ? readTimeout
                : readTimeout == null
                        ? requestTimeout
                        : (requestTimeout.compareTo(readTimeout) < 0 ? requestTimeout : readTimeout);
        if (untilHeaders != null) {
            builder.timeout(untilHeaders);
        }
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<InputStream> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = response.body();
            if (requestTimeout != null || readTimeout != null) {
                // The body gets the limits too, not only the wait for the headers: the whole request's, and the idle
                // limit between two reads that bring data.
                body = new DeadlineInputStream(
                        body,
                        requestTimeout == null ? null : requestTimeout.minusNanos(System.nanoTime() - started),
                        requestTimeout,
                        readTimeout);
            }
            return new TransportResponse(
                    response.statusCode(), response.headers().map(), body);
        } catch (IOException e) {
            if (NO_CONTENT_WITH_BODY.equals(e.getMessage())) {
                // The JDK client rejects a 204 that announces a body (Prism sends one where the API description
                // declares a 204 with JSON content). The server did answer No Content: report exactly that.
                return new TransportResponse(204, Map.of(), InputStream.nullInputStream());
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri());
        }
    }

    /** Frees the client's threads now; the JVM would otherwise wait for its selector at exit. */
    @Override
    public void close() {
        Object self = client;
        if (self instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing is best effort: the process is usually about to exit.
            }
        } else {
            LegacyClientShutdown.stop(client); // JDK 17-20
        }
    }

    private final class HookChain implements ExchangeHook.Chain {
        private final int index;
        private final TransportRequest request;

        HookChain(int index, TransportRequest request) {
            this.index = index;
            this.request = request;
        }

        @Override
        public TransportRequest request() {
            return request;
        }

        @Override
        public TransportResponse proceed(TransportRequest next) throws IOException {
            if (index == hooks.size()) {
                return exchange(next);
            }
            return hooks.get(index).intercept(new HookChain(index + 1, next));
        }
    }

    /** Configures a transport; only the base URL is required. */
    public static final class Builder {
        private URI baseUrl;
        private String bearer;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private String userAgent = "authlete-toolkit";
        private final List<ExchangeHook> hooks = new ArrayList<>();
        private ProxySelector proxySelector;
        private SSLContext sslContext;
        private boolean allowInsecureHttp;

        private Builder() {}

        /** Proxies to use (see {@link com.authlete.toolkit.transport.net.EnvironmentProxySelector}); default: none. */
        public Builder proxySelector(ProxySelector selector) {
            this.proxySelector = selector;
            return this;
        }

        /** The TLS setup (see {@link com.authlete.toolkit.transport.tls.TrustAnchors}); default: the JDK's. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** Allows plain http to hosts other than loopback, where the token would travel in clear. */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The bearer token sent as {@code Authorization: Bearer ...}; null sends none. */
        public Builder bearer(String token) {
            this.bearer = token;
            return this;
        }

        /** Time allowed to open a connection (default 10 s); null for no limit. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Time the server may stay silent: before the response headers, and between two reads of the body (default
         * 60 s, as the AWS CLI's); null for no limit.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Time allowed for the whole exchange, body included; null for no limit. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Adds a hook; the first added is the outermost. */
        public Builder hook(ExchangeHook hook) {
            hooks.add(Objects.requireNonNull(hook));
            return this;
        }

        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
