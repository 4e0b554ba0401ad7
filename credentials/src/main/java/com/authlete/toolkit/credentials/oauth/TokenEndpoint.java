package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Token requests of one client at one token endpoint: every grant this toolkit uses goes through here. */
public final class TokenEndpoint {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final OAuthHttp http;
    private final URI uri;
    private final ClientAuthentication client;

    public TokenEndpoint(TransportFactory transports, URI uri, ClientAuthentication client) {
        this.http = new OAuthHttp(transports);
        this.uri = uri;
        this.client = client;
    }

    public TokenResponse clientCredentials(String scope) throws CredentialsException, AuthleteException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", blankToNull(scope));
        return request(form);
    }

    public TokenResponse refresh(String refreshToken) throws CredentialsException, AuthleteException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return request(form);
    }

    public TokenResponse authorizationCode(String code, String redirectUri, String codeVerifier)
            throws CredentialsException, AuthleteException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return request(form);
    }

    public TokenResponse deviceCode(String deviceCode) throws CredentialsException, AuthleteException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", DEVICE_CODE_GRANT);
        form.put("device_code", deviceCode);
        return request(form);
    }

    private TokenResponse request(Map<String, String> form) throws CredentialsException, AuthleteException {
        Map<String, String> headers = new LinkedHashMap<>();
        client.apply(form, headers);
        return TokenResponse.from(http.postForm(uri, form, headers));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
