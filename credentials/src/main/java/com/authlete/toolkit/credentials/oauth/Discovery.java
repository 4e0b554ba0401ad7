package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.transport.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds an issuer's endpoints: {@code /.well-known/openid-configuration} first, then the RFC 8414
 * {@code /.well-known/oauth-authorization-server}; the document must name the same issuer (RFC 8414 section 3.3).
 */
public final class Discovery {

    private final OAuthHttp http;

    public Discovery(TransportFactory transports) {
        this.http = new OAuthHttp(transports);
    }

    public ServerMetadata discover(String issuer) throws CredentialsException, AuthleteException {
        URI base = issuerUri(issuer);
        String trimmed = trimSlash(base.toString());
        String path = trimSlash(base.getRawPath() == null ? "" : base.getRawPath());
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        List<URI> candidates = List.of(
                URI.create(trimmed + "/.well-known/openid-configuration"),
                URI.create(origin + "/.well-known/oauth-authorization-server" + path));
        ApiException last = null;
        for (URI candidate : candidates) {
            try {
                return metadata(trimmed, candidate, http.get(candidate));
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                last = e;
            }
        }
        throw new CredentialsException("no OAuth server metadata at " + candidates.get(0) + " or " + candidates.get(1)
                + " (" + last.getMessage() + "); check --issuer");
    }

    private static ServerMetadata metadata(String issuer, URI source, JsonNode document) throws CredentialsException {
        String named = document.path("issuer").asText("");
        if (!trimSlash(named).equals(issuer)) {
            throw new CredentialsException(
                    source + " names the issuer '" + named + "', not " + issuer + "; refusing to use it");
        }
        List<String> scopes = new ArrayList<>();
        document.path("scopes_supported").forEach(scope -> scopes.add(scope.asText()));
        return new ServerMetadata(
                named,
                endpoint(document, "authorization_endpoint"),
                endpoint(document, "token_endpoint"),
                endpoint(document, "device_authorization_endpoint"),
                List.copyOf(scopes));
    }

    private static URI endpoint(JsonNode document, String name) throws CredentialsException {
        String value = document.path(name).asText(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("the server metadata has a malformed " + name);
        }
        // Endpoints are fetched, or opened in a browser: only web addresses (no file:, javascript: or the like).
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("https")
                        || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getHost() == null) {
            throw new CredentialsException("the server metadata's " + name + " is not an http(s) URL");
        }
        return uri;
    }

    static URI issuerUri(String issuer) throws CredentialsException {
        try {
            URI uri = URI.create(issuer.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CredentialsException(
                    "--issuer must be the issuer's URL such as https://login.example.com, got '" + issuer + "'");
        }
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
