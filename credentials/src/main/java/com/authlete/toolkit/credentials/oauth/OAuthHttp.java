package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.transport.ApiException;
import com.authlete.toolkit.transport.HttpTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON GETs and form POSTs to an authorization server, with its OAuth error responses turned into {@link OAuthException}. */
final class OAuthHttp {

    private final TransportFactory transports;

    OAuthHttp(TransportFactory transports) {
        this.transports = transports;
    }

    JsonNode get(URI uri) throws CredentialsException, AuthleteException {
        return exchange("GET", uri, Map.of("Accept", "application/json"), null);
    }

    JsonNode postForm(URI uri, Map<String, String> form, Map<String, String> headers)
            throws CredentialsException, AuthleteException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        all.put("Accept", "application/json");
        return exchange("POST", uri, all, encode(form).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode exchange(String method, URI uri, Map<String, String> headers, byte[] body)
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
            throw oauthError(uri, e);
        } catch (IOException e) {
            throw new CredentialsException("could not read the answer of " + uri + ": " + e.getMessage(), e);
        }
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
