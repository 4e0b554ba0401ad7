package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth login kept for a profile, in the same place as a plain token (keychain, else the 0600 config file),
 * as a small JSON document: enough to use the access token and to renew it without the user.
 *
 * @param grantType         how it was obtained: {@code device_code}, {@code authorization_code} or {@code client_credentials}
 * @param expiresAt         when the access token expires; null when the server did not say
 * @param clientSecretFile  for client credentials logged in with {@code --client-secret-file}: where to read the secret again
 */
public record OAuthGrant(
        String grantType,
        String issuer,
        URI tokenEndpoint,
        String clientId,
        ClientAuthentication.Method clientAuthentication,
        String scope,
        String accessToken,
        String refreshToken,
        Instant expiresAt,
        String clientSecretFile) {

    static final String MARKER = "authlete-oauth";

    /** Stored values that are a login document rather than a plain bearer token. */
    public static boolean isGrant(String stored) {
        return stored != null && stored.startsWith("{") && stored.contains("\"" + MARKER + "\"");
    }

    public static OAuthGrant obtained(
            String grantType,
            ServerMetadata server,
            ClientAuthentication client,
            String scope,
            TokenResponse response,
            Instant now,
            String clientSecretFile) {
        return new OAuthGrant(
                grantType,
                server.issuer(),
                server.tokenEndpoint(),
                client.clientId(),
                client.method(),
                response.scope() != null ? response.scope() : TokenEndpoint.blankToNull(scope),
                response.accessToken(),
                response.refreshToken(),
                expiry(response, now),
                clientSecretFile);
    }

    /** This login with a renewed access token; a rotated refresh token replaces the old one. */
    public OAuthGrant renewed(TokenResponse response, Instant now) {
        return new OAuthGrant(
                grantType,
                issuer,
                tokenEndpoint,
                clientId,
                clientAuthentication,
                response.scope() != null ? response.scope() : scope,
                response.accessToken(),
                response.refreshToken() != null ? response.refreshToken() : refreshToken,
                expiry(response, now),
                clientSecretFile);
    }

    /** Whether the access token expires within {@code margin} of {@code now} (never, when its lifetime is unknown). */
    public boolean expiresWithin(Instant now, Duration margin) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    private static Instant expiry(TokenResponse response, Instant now) {
        return response.expiresIn() == null ? null : now.plusSeconds(response.expiresIn());
    }

    public String toJson() {
        ObjectNode node = JsonTrees.NODES.objectNode();
        node.put(MARKER, 1);
        node.put("grant_type", grantType);
        node.put("issuer", issuer);
        node.put("token_endpoint", tokenEndpoint.toString());
        node.put("client_id", clientId);
        node.put("client_auth", clientAuthentication.wireName());
        putIfPresent(node, "scope", scope);
        node.put("access_token", accessToken);
        putIfPresent(node, "refresh_token", refreshToken);
        if (expiresAt != null) {
            node.put("expires_at", expiresAt.getEpochSecond());
        }
        putIfPresent(node, "client_secret_file", clientSecretFile);
        return JsonTrees.text(node);
    }

    public static OAuthGrant fromJson(String stored) throws CredentialsException {
        try {
            JsonNode node = JsonTrees.parse(stored.getBytes(StandardCharsets.UTF_8));
            return new OAuthGrant(
                    node.path("grant_type").asText(),
                    node.path("issuer").asText(),
                    URI.create(node.path("token_endpoint").asText()),
                    node.path("client_id").asText(),
                    ClientAuthentication.Method.parse(node.path("client_auth").asText("none")),
                    text(node, "scope"),
                    node.path("access_token").asText(),
                    text(node, "refresh_token"),
                    node.has("expires_at")
                            ? Instant.ofEpochSecond(node.path("expires_at").asLong())
                            : null,
                    text(node, "client_secret_file"));
        } catch (IOException | IllegalArgumentException e) {
            throw new CredentialsException(
                    "the stored OAuth login is damaged ("
                            + e.getMessage().lines().findFirst().orElse("") + "); run 'authlete auth login' again",
                    e);
        }
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asText() : null;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "OAuthGrant[" + grantType + " " + clientId + "@" + issuer + ", expires " + expiresAt + "]";
    }
}
