package com.authlete.toolkit.credentials.oauth;

import java.net.URI;
import java.util.List;

/**
 * What a login needs to know about an authorization server (RFC 8414 / OpenID Connect Discovery). Endpoints the
 * server does not offer are null.
 */
public record ServerMetadata(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI deviceAuthorizationEndpoint,
        List<String> scopesSupported) {

    public boolean supportsScope(String scope) {
        return scopesSupported.contains(scope);
    }
}
