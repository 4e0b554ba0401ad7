package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Authorization Code grant with PKCE for a native app (RFC 6749 4.1, RFC 7636, RFC 8252): the user approves in
 * a browser, which is sent back to a one-shot listener on 127.0.0.1; {@code state} and the issuer are checked
 * before the code is exchanged with its S256 verifier.
 */
public final class BrowserFlow {

    private final TransportFactory transports;
    private final ServerMetadata server;
    private final ClientAuthentication client;
    private final SecureRandom random;

    public BrowserFlow(
            TransportFactory transports, ServerMetadata server, ClientAuthentication client, SecureRandom random)
            throws CredentialsException {
        if (server.authorizationEndpoint() == null) {
            throw new CredentialsException(server.issuer() + " does not offer an authorization_endpoint");
        }
        this.transports = transports;
        this.server = server;
        this.client = client;
        this.random = random;
    }

    /**
     * Runs the login: {@code showUrl} gets the authorization URL to open (or print) once the listener is up.
     */
    public TokenResponse login(String scope, Duration timeout, Consumer<URI> showUrl)
            throws CredentialsException, AuthleteException, InterruptedException {
        Pkce pkce = Pkce.create(random);
        String state = Pkce.randomText(random, 16);
        try (LoopbackReceiver receiver = new LoopbackReceiver(query -> {
            try {
                check(query, state);
                return null;
            } catch (OAuthException e) {
                return e.getMessage();
            }
        })) {
            showUrl.accept(authorizationUrl(receiver.redirectUri(), scope, state, pkce));
            Optional<Map<String, String>> answer = receiver.await(timeout);
            if (answer.isEmpty()) {
                throw new OAuthException(
                        "timeout",
                        "no answer from the browser within " + timeout.toSeconds()
                                + " s; nothing was stored (run the login again)");
            }
            String code = check(answer.get(), state);
            return new TokenEndpoint(transports, server.tokenEndpoint(), client)
                    .authorizationCode(code, receiver.redirectUri(), pkce.verifier());
        } catch (IOException e) {
            throw new CredentialsException("cannot listen on 127.0.0.1 for the browser's answer: " + e.getMessage(), e);
        }
    }

    URI authorizationUrl(String redirectUri, String scope, String state, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", TokenEndpoint.blankToNull(scope));
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        if (scope != null && scope.contains("offline_access")) {
            query.put("prompt", "consent"); // OpenID Connect grants offline_access only with explicit consent.
        }
        String endpoint = server.authorizationEndpoint().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + OAuthHttp.encode(query));
    }

    private String check(Map<String, String> answer, String state) throws OAuthException {
        if (!state.equals(answer.get("state"))) {
            throw new OAuthException(
                    "invalid_state", "the browser's answer does not carry this login's state; nothing was stored");
        }
        String issuer = answer.get("iss");
        if (issuer != null && !issuer.equals(server.issuer())) { // RFC 9207 mix-up defence
            throw new OAuthException(
                    "invalid_issuer", "the answer came from issuer " + issuer + ", not " + server.issuer());
        }
        if (answer.containsKey("error")) {
            String description = answer.getOrDefault("error_description", "");
            throw new OAuthException(
                    answer.get("error"),
                    "the authorization server refused the login: " + answer.get("error")
                            + (description.isBlank() ? "" : " (" + description + ")"));
        }
        return answer.get("code");
    }
}
