package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Device Authorization Grant (RFC 8628): ask for a user code, let the user approve it on another device, and
 * poll the token endpoint at the server's pace until it is approved, denied or expired.
 */
public final class DeviceFlow {

    /** What the user is shown; {@code verificationUriComplete} may be null. */
    public record Authorization(
            String deviceCode,
            String userCode,
            URI verificationUri,
            URI verificationUriComplete,
            Duration expiresIn,
            Duration interval) {
        @Override
        public String toString() {
            return "Authorization[" + userCode + " at " + verificationUri + "]";
        }
    }

    /** Waiting between polls; tests replace it. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** A server's interval and expiry are kept within these bounds: a hostile one could make the CLI wait for ever. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);
    static final Duration MAX_EXPIRY = Duration.ofMinutes(30);
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final OAuthHttp http;
    private final ServerMetadata server;
    private final ClientAuthentication client;
    private final TokenEndpoint tokens;
    private final Clock clock;
    private final Pause pause;

    public DeviceFlow(
            TransportFactory transports, ServerMetadata server, ClientAuthentication client, Clock clock, Pause pause)
            throws CredentialsException {
        if (server.deviceAuthorizationEndpoint() == null) {
            throw new CredentialsException(
                    server.issuer() + " does not offer the device flow (no device_authorization_endpoint)");
        }
        this.http = new OAuthHttp(transports);
        this.server = server;
        this.client = client;
        this.tokens = new TokenEndpoint(transports, server.tokenEndpoint(), client);
        this.clock = clock;
        this.pause = pause;
    }

    /** Requests a device code (RFC 8628 section 3.1). */
    public Authorization start(String scope) throws CredentialsException, AuthleteException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scope", TokenEndpoint.blankToNull(scope));
        if (scope != null && scope.contains("offline_access")) {
            form.put("prompt", "consent"); // OpenID Connect grants offline_access only with explicit consent.
        }
        Map<String, String> headers = new LinkedHashMap<>();
        client.apply(form, headers);
        JsonNode body = http.postForm(server.deviceAuthorizationEndpoint(), form, headers);
        String deviceCode = body.path("device_code").asText(null);
        String userCode = body.path("user_code").asText(null);
        String verification = body.path("verification_uri")
                .asText(body.path("verification_url").asText(null));
        if (deviceCode == null || userCode == null || verification == null) {
            throw new CredentialsException(
                    "the device authorization answer lacks device_code, user_code or verification_uri");
        }
        String complete = body.path("verification_uri_complete").asText(null);
        long interval = body.path("interval").asLong(0);
        long expiresIn = body.path("expires_in").asLong(0);
        return new Authorization(
                deviceCode,
                userCode,
                webAddress("verification_uri", verification),
                complete == null ? null : webAddress("verification_uri_complete", complete),
                expiresIn > 0
                        ? bounded(
                                Duration.ofSeconds(Math.min(expiresIn, MAX_EXPIRY.toSeconds())),
                                MIN_INTERVAL,
                                MAX_EXPIRY)
                        : DEFAULT_EXPIRY,
                interval > 0
                        ? bounded(
                                Duration.ofSeconds(Math.min(interval, MAX_INTERVAL.toSeconds())),
                                MIN_INTERVAL,
                                MAX_INTERVAL)
                        : DEFAULT_INTERVAL);
    }

    private static Duration bounded(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** An address to show to the user: an absolute http(s) URL without control characters, or the answer is refused. */
    private static URI webAddress(String field, String text) throws CredentialsException {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("https")
                            || uri.getScheme().equalsIgnoreCase("http"))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below.
        }
        throw new CredentialsException(
                "the device authorization answer has an unusable " + field + " (not an http(s) URL)");
    }

    /** Polls (RFC 8628 section 3.4/3.5) until the user approves; denial and expiry end with {@link OAuthException}. */
    public TokenResponse await(Authorization authorization)
            throws CredentialsException, AuthleteException, InterruptedException {
        return await(authorization, authorization.expiresIn());
    }

    /** As {@link #await(Authorization)}, giving up after {@code wait} if the code has not expired by then. */
    public TokenResponse await(Authorization authorization, Duration wait)
            throws CredentialsException, AuthleteException, InterruptedException {
        Duration limit = wait.compareTo(authorization.expiresIn()) < 0 ? wait : authorization.expiresIn();
        Instant deadline = clock.instant().plus(limit);
        boolean byWait = limit.equals(wait) && wait.compareTo(authorization.expiresIn()) < 0;
        Duration interval = authorization.interval();
        while (true) {
            pause.sleep(interval);
            try {
                return tokens.deviceCode(authorization.deviceCode());
            } catch (OAuthException e) {
                String error = e.error().orElse("");
                switch (error) {
                    case "authorization_pending" -> {}
                    case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                    case "access_denied" ->
                        throw new OAuthException(
                                error, "the login was denied on the authorization server; nothing was stored");
                    case "expired_token" -> throw expired();
                    default -> throw e;
                }
            }
            interval = bounded(interval, MIN_INTERVAL, MAX_INTERVAL);
            if (clock.instant().isAfter(deadline)) {
                if (byWait) {
                    throw new OAuthException(
                            "timeout", "no approval within " + wait.toSeconds() + " s (--wait); nothing was stored");
                }
                throw expired();
            }
        }
    }

    private static OAuthException expired() {
        return new OAuthException("expired_token", "the code expired before it was approved; run the login again");
    }
}
