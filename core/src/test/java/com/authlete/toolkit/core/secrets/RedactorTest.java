package com.authlete.toolkit.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SECRET_NAMES = {
        "client_secret",
        "clientSecret",
        "client-secret",
        "CLIENT_SECRET",
        "password",
        "userPassword",
        "accessToken",
        "refresh_token",
        "apiKey",
        "API_KEY",
        "apikey",
        "apiSecret",
        "privateKey",
        "private_key",
        "idToken",
        "secret",
        "code",
        "client_assertion",
        "code_verifier"
    };
    private static final String[] PLAIN_NAMES = {
        "clientName",
        "description",
        "redirectUris",
        "serviceId",
        "number",
        "kid",
        "alg",
        "scope",
        "subject",
        "n",
        "e",
        "x",
        "parameters",
        "responseContent",
        "jwks",
        "accessTokenDuration"
    };

    @Test
    void headersByNameAndByMarker() {
        for (String name : new String[] {
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "Set-Cookie",
            "X-API-Key",
            "DPoP",
            "X-Auth-Thing",
            "X-Session-Token",
            "X-Client-Secret",
            "X-Signing-Key"
        }) {
            assertThat(Redactor.header(name, "v")).as(name).isEqualTo("[REDACTED]");
        }
        assertThat(Redactor.header("Content-Type", "application/json")).isEqualTo("application/json");
    }

    @Test
    void jsonAtAnyDepthInsideArraysAndJwkPrivateMembers() {
        String redacted = Redactor.json(
                "{\"a\":{\"b\":[{\"client_secret\":\"s1\"},{\"password\":{\"nested\":\"s2\"}}]},"
                        + "\"jwks\":{\"keys\":[{\"kty\":\"RSA\",\"n\":\"pub\",\"d\":\"s3\",\"dq\":\"s4\"}]},\"keep\":1.10}");
        assertThat(redacted)
                .isEqualTo(
                        "{\"a\":{\"b\":[{\"client_secret\":\"[REDACTED]\"},{\"password\":{\"nested\":\"[REDACTED]\"}}]},"
                                + "\"jwks\":{\"keys\":[{\"kty\":\"RSA\",\"n\":\"pub\",\"d\":\"[REDACTED]\",\"dq\":\"[REDACTED]\"}]},\"keep\":1.10}");
    }

    @Test
    void symmetricJwkKeysAndOtherPrimes() {
        assertThat(Redactor.json("{\"keys\":[{\"kty\":\"oct\",\"k\":\"GawgguFyGrWKav7AX4VKUg\",\"kid\":\"k1\"},"
                        + "{\"kty\":\"RSA\",\"oth\":[{\"r\":\"prime\",\"d\":\"exp\",\"t\":\"coef\"}]}]}"))
                .isEqualTo(
                        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"[REDACTED]\",\"kid\":\"k1\"},"
                                + "{\"kty\":\"RSA\",\"oth\":[{\"r\":\"[REDACTED]\",\"d\":\"[REDACTED]\",\"t\":\"[REDACTED]\"}]}]}");
    }

    /** Authlete carries secrets inside text fields: forms, JSON documents and redirect URLs, nested in each other. */
    @Test
    void secretsInsideTextThatHoldsFormsJsonAndUrls() {
        String body =
                "{\"parameters\":\"grant_type=refresh_token&refresh_token=RT-1&client_secret=CS-1&password=PW-1&code=AC-1"
                        + "&client_assertion=eyJ.CA-1&claims=%7B%22id_token%22%3A%7B%7D%7D\","
                        + "\"jwks\":\"{\\\"keys\\\":[{\\\"kty\\\":\\\"oct\\\",\\\"k\\\":\\\"SYM-1\\\"},{\\\"kty\\\":\\\"EC\\\",\\\"d\\\":\\\"PRIV-1\\\",\\\"x\\\":\\\"pub\\\"}]}\","
                        + "\"responseContent\":\"{\\\"access_token\\\":\\\"AT-1\\\",\\\"token_type\\\":\\\"Bearer\\\",\\\"expires_in\\\":3600}\","
                        + "\"redirect\":\"https://client.example/cb?code=AC-2&state=s#access_token=AT-2&token_type=Bearer\","
                        + "\"nested\":\"request=%7B%22client_secret%22%3A%22CS-2%22%7D\"}";
        String redacted = Redactor.json(body);
        assertThat(redacted)
                .doesNotContain(
                        "RT-1", "CS-1", "PW-1", "AC-1", "CA-1", "SYM-1", "PRIV-1", "AT-1", "AC-2", "AT-2", "CS-2")
                .contains(
                        "grant_type=refresh_token",
                        "token_type\\\":\\\"Bearer",
                        "\\\"expires_in\\\":3600",
                        "state=s",
                        "\\\"x\\\":\\\"pub",
                        "claims=%7B%22id_token%22%3A%7B%7D%7D");
        assertThat(SensitiveNames.containsSensitive(
                        JSON.createObjectNode().put("parameters", "grant_type=password&password=x")))
                .isTrue();
        assertThat(SensitiveNames.containsSensitive(
                        JSON.createObjectNode().put("parameters", "response_type=code&client_id=1")))
                .isFalse();
        assertThat(Redactor.form("parameters=" + URLEncoder.encode("a=1&client_secret=CS-3", StandardCharsets.UTF_8)))
                .doesNotContain("CS-3");
    }

    /** What does not hold a secret is shown as it is, with its JSON type: --dry-run must stay useful. */
    @Test
    void descriptionsOfSecretsKeepTheirValuesAndTypes() {
        String body = "{\"accessTokenDuration\":3600,\"refreshTokenDuration\":86400,"
                + "\"supportedTokenAuthMethods\":[\"CLIENT_SECRET_BASIC\",\"PRIVATE_KEY_JWT\"],\"tokenAuthMethod\":\"CLIENT_SECRET_POST\","
                + "\"idTokenSignAlg\":\"RS256\",\"tlsClientCertificateBoundAccessTokens\":true,\"clientSecretExpiresAt\":0,"
                + "\"accessToken\":null,\"refreshTokenKept\":false,\"description\":\"rotate the token=weekly\",\"price\":1.10}";
        assertThat(Redactor.json(body)).isEqualTo(body);
        assertThat(Redactor.json("{\"apiKey\":715948317,\"apiSecret\":[\"a\",1,true],\"clientSecret\":\"s\"}"))
                .as("only text is masked: the API's secrets are all text, its integer apiKey is a service number")
                .isEqualTo(
                        "{\"apiKey\":715948317,\"apiSecret\":[\"[REDACTED]\",1,true],\"clientSecret\":\"[REDACTED]\"}");
    }

    @Test
    void formBodiesQueryStringsAndJsonInsideFormValues() {
        assertThat(Redactor.form("client_id=1&client_secret=s1&jwks=%7B%22d%22%3A%22s2%22%7D&x=y"))
                .isEqualTo("client_id=1&client_secret=[REDACTED]&jwks={\"d\":\"[REDACTED]\"}&x=y");
        assertThat(Redactor.uri(URI.create("https://h/api/x?subject=alice&access_token=s3")))
                .isEqualTo("https://h/api/x?subject=alice&access_token=[REDACTED]");
    }

    @Test
    void previewsAreBoundedAndSayWhatWasCut() {
        byte[] big = ("{\"items\":\"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String preview = Redactor.preview(big, big.length, big.length, "application/json", 4096);
        assertThat(preview)
                .startsWith("{\"items\":\"xxx")
                .contains("preview cut at 4096 bytes; the body has 10012 bytes");
        assertThat(preview.length()).isLessThan(4200);
        assertThat(Redactor.preview("{\"a\":1}".getBytes(), 7, 7, null, 4096)).isEqualTo("{\"a\":1}");
    }

    @Test
    void textThatIsNotJsonStillLosesObviousSecrets() {
        assertThat(Redactor.loose("error: password=hunter2 and \"apiKey\": \"k-123\", token: 'abc"))
                .doesNotContain("hunter2", "k-123", "abc");
        assertThat(Redactor.loose("{\"kty\":\"EC\",\"d\": \"priv-456")).doesNotContain("priv-456");
    }

    /** Property: wherever secrets sit and however their names are spelled, no secret bytes get through. */
    @Test
    void randomBodiesNeverLeakASecret() throws Exception {
        Random random = new Random(20261123);
        for (int round = 0; round < 400; round++) {
            List<String> secrets = new ArrayList<>();
            ObjectNode body = object(random, secrets, 0);
            if (secrets.isEmpty()) {
                continue;
            }
            String json = JSON.writeValueAsString(body);
            check(Redactor.json(json), secrets, json);
            String form = form(body);
            check(Redactor.form(form), secrets, form);
            check(Redactor.uri(URI.create("https://api.example.com/x?" + form)), secrets, form);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                // A capture cut anywhere, as a preview of a streamed body would be.
                int cut = random.nextInt(bytes.length + 1);
                check(Redactor.preview(bytes, cut, bytes.length, "application/json", 4096), secrets, json);
                check(Redactor.preview(bytes, cut, -1, null, 64 + random.nextInt(512)), secrets, json);
            }
        }
    }

    private static void check(String output, List<String> secrets, String input) {
        for (String secret : secrets) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertThat(output).as("input: %s", input).doesNotContain(secret.substring(i, i + 8));
            }
        }
    }

    private static ObjectNode object(Random random, List<String> secrets, int depth) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        if (depth > 0 && random.nextInt(5) == 0) {
            node.put("kty", "RSA");
            for (String member : new String[] {"d", "p", "q", "dp", "dq", "qi", "k"}) {
                if (random.nextBoolean()) {
                    node.put(member, secret(random, secrets));
                }
            }
        }
        int fields = 1 + random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            boolean sensitive = random.nextInt(3) == 0;
            String name = sensitive
                    ? SECRET_NAMES[random.nextInt(SECRET_NAMES.length)]
                    : PLAIN_NAMES[random.nextInt(PLAIN_NAMES.length)] + i;
            int kind = depth > 3 ? 0 : random.nextInt(6);
            if (sensitive) {
                if (kind == 2) {
                    node.set(name, object(random, secrets, depth + 1)); // everything under a secret name goes
                    collectStrings(node.get(name), secrets);
                } else {
                    node.put(name, secret(random, secrets));
                }
            } else if (kind == 1) {
                node.put(name, "plain value " + random.nextInt(1000));
            } else if (kind == 2) {
                node.set(name, object(random, secrets, depth + 1));
            } else if (kind == 4) {
                node.put(name, JSON.writeValueAsString(object(random, secrets, depth + 1))); // text holding JSON
            } else if (kind == 5) {
                node.put(name, form(object(random, secrets, depth + 1))); // text holding a form
            } else if (kind == 3) {
                ArrayNode array = node.putArray(name);
                for (int j = random.nextInt(3); j >= 0; j--) {
                    array.add(
                            random.nextBoolean()
                                    ? object(random, secrets, depth + 1)
                                    : JSON.getNodeFactory().textNode("item" + j));
                }
            } else {
                node.put(name, random.nextInt(100000));
            }
        }
        return node;
    }

    private static String secret(Random random, List<String> secrets) {
        String secret = "S3CR3T" + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        secrets.add(secret);
        return secret;
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isTextual() && node.asText().startsWith("S3CR3T")) {
            into.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, into));
    }

    /** OpenAPI form style: top-level fields, arrays as repeated keys, objects as JSON text. */
    private static String form(ObjectNode body) throws Exception {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<JsonNode> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(values::add);
            } else {
                values.add(field.getValue());
            }
            for (JsonNode value : values) {
                out.append(out.length() > 0 ? "&" : "")
                        .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(
                                value.isContainerNode() ? JSON.writeValueAsString(value) : value.asText(),
                                StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
