package com.authlete.toolkit.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SensitiveNamesTest {

    @Test
    void namesInAnyCaseOrSeparatorStyle() {
        for (String name : new String[] {
            "client_secret",
            "clientSecret",
            "client-secret",
            "CLIENT_SECRET",
            "password",
            "apiKey",
            "api_key",
            "accessToken",
            "privateKey",
            "refresh_token",
            "apiSecret",
            "code",
            "code_verifier",
            "client_assertion",
            "subject_token",
            "authenticationCallbackApiSecret",
            "X-Api-Key"
        }) {
            assertThat(SensitiveNames.isSensitive(name)).as(name).isTrue();
        }
        for (String name : new String[] {
            "clientName",
            "serviceId",
            "description",
            "d",
            "keyId",
            "accessTokenDuration",
            "refreshTokenDuration",
            "supportedTokenAuthMethods",
            "tokenAuthMethod",
            "idTokenSignAlg",
            "tlsClientCertificateBoundAccessTokens",
            "clientSecretExpiresAt",
            "tokenEndpoint",
            "userCode",
            "credentials",
            // The id half of a key pair; the secret beside it (authenticationCallbackApiSecret) is masked.
            "authenticationCallbackApiKey",
            "developerAuthenticationCallbackApiKey",
            "serviceApiKey"
        }) {
            assertThat(SensitiveNames.isSensitive(name)).as(name).isFalse();
        }
    }

    @Test
    void nestedFieldsAndJwkPrivateMembers() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(SensitiveNames.containsSensitive(mapper.readTree("{\"a\":[{\"b\":{\"clientSecret\":\"x\"}}]}")))
                .isTrue();
        assertThat(SensitiveNames.containsSensitive(mapper.readTree("{\"keys\":[{\"kty\":\"EC\",\"d\":\"x\"}]}")))
                .isTrue();
        assertThat(SensitiveNames.containsSensitive(
                        mapper.readTree("{\"d\":1,\"keys\":[{\"kty\":\"EC\",\"x\":\"1\"}]}")))
                .isFalse();
    }
}
