package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.core.secrets.SensitiveNames;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.transport.ApiException;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.NetworkException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON GETs and form POSTs to an authorization server, with its OAuth error responses turned into {@link OAuthException}. */
final class OAuthHttp {

    private final TransportFactory transports;

    OAuthHttp(TransportFactory transports) {
        this.transports = transports;
    }

    JsonNode get(URI uri) throws CredentialsException, AuthleteException {
        return exchange("GET", uri, Map.of("Accept", "application/json"), null, List.of());
    }

    JsonNode postForm(URI uri, Map<String, String> form, Map<String, String> headers)
            throws CredentialsException, AuthleteException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        all.put("Accept", "application/json");
        return exchange("POST", uri, all, encode(form).getBytes(StandardCharsets.UTF_8), secretsSent(form, headers));
    }

    /**
     * The secrets a request carries (a client secret, a code, a verifier, a refresh token), masked wherever the
     * answer repeats them: an error_description that quotes what it was given must not print it.
     */
    static List<String> secretsSent(Map<String, String> form, Map<String, String> headers) {
        List<String> secrets = new ArrayList<>();
        form.forEach((name, value) -> {
            if (value != null && SensitiveNames.isSensitive(name)) {
                secrets.add(value);
            }
        });
        String authorization = headers.get("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String encoded = authorization.substring("Basic ".length());
            secrets.add(encoded);
            try {
                String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon >= 0) {
                    secrets.add(URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
                    secrets.add(pair.substring(colon + 1));
                }
            } catch (IllegalArgumentException notBase64) {
                // Only the encoded form can be echoed then.
            }
        }
        return secrets;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode exchange(String method, URI uri, Map<String, String> headers, byte[] body, List<String> secrets)
            throws CredentialsException, AuthleteException {
        URI origin = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        try (HttpTransport http = transports.forOrigin(origin);
                TransportResponse response = http.send(method, target, headers, body)) {
            return parse(uri, response.body().readAllBytes());
        } catch (ApiException e) {
            throw oauthError(uri, withoutSecrets(e, secrets));
        } catch (HttpTimeoutException e) {
            throw new NetworkException(uri, e.getMessage() == null ? "request timed out" : e.getMessage(), true, e);
        } catch (IOException e) {
            // The connection failed or went too slowly while the answer was read: a network failure like any other.
            throw new NetworkException(
                    uri, "the connection failed while reading the answer: " + e.getMessage(), false, e);
        }
    }

    private static ApiException withoutSecrets(ApiException e, List<String> secrets) {
        if (secrets.isEmpty()) {
            return e;
        }
        return new ApiException(
                e.status(),
                e.resultCode().map(code -> Redactor.without(secrets, code)).orElse(null),
                e.resultMessage()
                        .map(message -> Redactor.without(secrets, message))
                        .orElse(null),
                Redactor.without(secrets, e.body()));
    }

    private static JsonNode parse(URI uri, byte[] body) throws CredentialsException {
        try {
            JsonNode node = JsonTrees.parse(body);
            if (node == null || !node.isObject()) {
                throw new CredentialsException(uri + " did not answer with a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CredentialsException(uri + " did not answer with JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CredentialsException("could not read the answer of " + uri + ": " + e.getMessage(), e);
        }
    }

    /** An error response of RFC 6749 5.2 / RFC 8628 3.5 when the body has one, else the HTTP failure itself. */
    private static CredentialsException oauthError(URI uri, ApiException e) throws ApiException {
        JsonNode body;
        try {
            body = e.body() == null ? null : JsonTrees.parse(e.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            body = null;
        }
        if (body == null || !body.path("error").isTextual()) {
            throw e;
        }
        String error = body.path("error").asText();
        String description = body.path("error_description").asText("");
        return new OAuthException(error, error + (description.isBlank() ? "" : ": " + description));
    }
}
