package com.authlete.toolkit.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The places an authorization server puts a code or a token besides a field of that name: a native app's redirect,
 * a form_post page, a JARM response, JSON behind a byte-order mark, a named pair, a header, and the request's own
 * token spelled another way. Each is checked through every entry point of the rules: the JSON stream, the tree,
 * the secret test, and text inside a field.
 */
class SecretCarriersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";

    private static String jws(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLWJ5dGVz";
    }

    /** The text in a field, checked through every entry point: the stream, the tree, the secret test. */
    private static void hiddenEverywhere(String text, String secret, String... kept) throws Exception {
        String redacted = Redactor.embedded(text);
        assertThat(redacted).as("embedded").doesNotContain(secret);
        for (String expected : kept) {
            assertThat(redacted).as("embedded").contains(expected);
        }
        ObjectNode document = JSON.createObjectNode().put("responseContent", text);
        String json = JSON.writeValueAsString(document);
        assertThat(Redactor.json(json)).as("stream").doesNotContain(secret);
        assertThat(TreeRedactor.redact(document, Set.of()).toString())
                .as("tree")
                .doesNotContain(secret);
        assertThat(SensitiveNames.containsSensitive(document)).as("secret test").isTrue();
    }

    @Test
    void redirectsWithAPrivateUseSchemeLoseTheirCodesAndTokens() throws Exception {
        hiddenEverywhere("com.example.app:/oauth2redirect?code=" + CODE + "&state=xyz", CODE, "state=xyz");
        hiddenEverywhere("com.example.app:/cb#access_token=AT-7f3e9c1b&token_type=Bearer", "AT-7f3e9c1b", "Bearer");
        hiddenEverywhere("myapp:cb?id_token=eyJ.x.y&code=" + CODE, CODE);
        assertThat(Redactor.embedded("com.example.app:/cb?state=xyz&iss=https%3A%2F%2Fas"))
                .as("nothing secret: unchanged")
                .isEqualTo("com.example.app:/cb?state=xyz&iss=https%3A%2F%2Fas");
        assertThat(Redactor.embedded("Note: what next?")).isEqualTo("Note: what next?");
    }

    @Test
    void formPostPagesLoseTheValuesOfSecretInputs() throws Exception {
        String page = "<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"https://client.example.org/cb\">"
                + "<input type=\"hidden\" name=\"code\" value=\"" + CODE + "\"/>"
                + "<input type=\"hidden\" value='AT-51c0ffee' name='access_token'>"
                + "<INPUT TYPE=\"hidden\" NAME=\"refresh&#95;token\" VALUE=\"RT-d00dfeed\">"
                + "<input type=\"hidden\" name=\"state\" value=\"af0ifjsldkj\"/>"
                + "</form></body></html>";
        hiddenEverywhere(page, CODE, "af0ifjsldkj", "https://client.example.org/cb", "name=\"state\"");
        assertThat(Redactor.embedded(page)).doesNotContain("AT-51c0ffee", "RT-d00dfeed");

        String withQuery = "<a href=\"https://client.example.org/cb?state=s&amp;code=" + CODE + "\">continue</a>";
        hiddenEverywhere(withQuery, CODE, "state=s&amp;code=[REDACTED]");

        String webMessage = "<html><script>window.parent.postMessage({\"type\":\"authorization_response\","
                + "\"response\":{\"code\":\"" + CODE + "\",\"state\":\"s1\"}},\"https://client\");</script></html>";
        hiddenEverywhere(webMessage, CODE, "s1");
    }

    @Test
    void jarmResponsesCarryingACodeAreMaskedWhole() throws Exception {
        String jarm = jws("{\"iss\":\"https://as\",\"aud\":\"c1\",\"code\":\"" + CODE + "\",\"state\":\"s\"}");
        String payload = jarm.split("\\.")[1];
        hiddenEverywhere("https://client.example.org/cb?response=" + jarm, payload, "response=");
        hiddenEverywhere("com.example.app:/cb#response=" + jarm, payload);
        hiddenEverywhere(
                "<form method=\"post\" action=\"https://c/cb\"><input type=\"hidden\" name=\"response\" value=\"" + jarm
                        + "\"></form>",
                payload);
        hiddenEverywhere(jarm, payload);

        String harmless = jws("{\"iss\":\"https://as\",\"software_id\":\"s\"}");
        assertThat(Redactor.embedded(harmless))
                .as("a JWS without secrets is kept")
                .isEqualTo(harmless);
        assertThat(Redactor.embedded("https://c/cb?request=" + harmless)).contains(harmless);
    }

    @Test
    void jsonBehindAByteOrderMarkIsStillRead() throws Exception {
        String jwks = "\uFEFF{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"pubX\",\"d\":\"EC-PRIVATE-d\"}]}";
        hiddenEverywhere(jwks, "EC-PRIVATE-d", "pubX");
        assertThat(Redactor.json(jwks)).doesNotContain("EC-PRIVATE-d").startsWith("\uFEFF");
        byte[] body = ("\uFEFF{\"clientSecret\":\"CS-abcdef12\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(Redactor.preview(body, body.length, body.length, null, 4096)).doesNotContain("CS-abcdef12");
        assertThat(Redactor.embedded("\uFEFFplain words")).isEqualTo("\uFEFFplain words");
    }

    @Test
    void pairsWhoseNameHoldsASecretLoseTheirValue() throws Exception {
        for (String document : List.of(
                "{\"attributes\":[{\"key\":\"webhook_password\",\"value\":\"PW-hunter22\"},{\"key\":\"team\",\"value\":\"blue\"}]}",
                "{\"attributes\":[{\"value\":\"PW-hunter22\",\"key\":\"webhookPassword\"},{\"value\":\"blue\",\"key\":\"team\"}]}",
                "{\"extension\":{\"headers\":[{\"name\":\"X-Api-Token\",\"value\":\"PW-hunter22\"},{\"name\":\"team\",\"value\":\"blue\"}]}}",
                "{\"attributes\":[{\"key\":\"api_secret\",\"value\":{\"nested\":[\"PW-hunter22\"]}},{\"key\":\"team\",\"value\":\"blue\"}]}")) {
            JsonNode tree = JSON.readTree(document);
            assertThat(Redactor.json(document))
                    .as(document)
                    .doesNotContain("PW-hunter22")
                    .contains("blue");
            assertThat(TreeRedactor.redact(tree, Set.of()).toString())
                    .as(document)
                    .doesNotContain("PW-hunter22")
                    .contains("blue");
            assertThat(SensitiveNames.containsSensitive(tree)).as(document).isTrue();
            assertThat(Redactor.embedded(document)).as(document).doesNotContain("PW-hunter22");
        }
        JsonNode plain = JSON.readTree("{\"attributes\":[{\"key\":\"team\",\"value\":\"blue\"}]}");
        assertThat(SensitiveNames.containsSensitive(plain)).isFalse();
        assertThat(Redactor.json(plain.toString())).isEqualTo(plain.toString());
    }

    @Test
    void headersNamedLikeASecret() {
        for (String name : List.of("X-Password", "X-User-Passphrase", "X-Credential", "X-Session-Id", "X-Cookie-Jar")) {
            assertThat(Redactor.header(name, "v")).as(name).isEqualTo(Redactor.MASK);
        }
        assertThat(Redactor.header("Accept-Language", "en")).isEqualTo("en");
    }

    @Test
    void theRequestsOwnTokenIsMaskedHoweverItIsSpelled() {
        String token = "tok/4b1d+9e7c=2a55 f0e3";
        List<String> spellings = List.of(
                token,
                "tok\\/4b1d+9e7c=2a55 f0e3",
                "\\u0074ok/4b1d\\u002B9e7c=2a55 f0e3",
                "\\u0074\\u006F\\u006b\\/4b1d+9e7c=2a55 f0e3",
                "tok%2F4b1d%2B9e7c%3D2a55%20f0e3",
                "tok%2f4b1d%2b9e7c%3d2a55+f0e3");
        for (String spelling : spellings) {
            assertThat(Redactor.without(token, "{\"resultMessage\":\"bad token " + spelling + " here\"}"))
                    .as(spelling)
                    .isEqualTo("{\"resultMessage\":\"bad token [REDACTED] here\"}");
        }
        assertThat(Redactor.without(
                        List.of("client-secret-1", "verifier-abc-123"), "a client-secret-1 b verifier%2Dabc-123"))
                .isEqualTo("a [REDACTED] b [REDACTED]");
        assertThat(Redactor.without("short", "short stays")).isEqualTo("short stays");
    }

    @Test
    void codesByProtocolNameInLooseTextButNotErrorCodes() {
        assertThat(Redactor.loose("redirecting with code=" + CODE + " now")).doesNotContain(CODE);
        assertThat(Redactor.loose("{'code': '" + CODE + "'")).doesNotContain(CODE);
        assertThat(Redactor.loose("error code: 400, status code 500")).isEqualTo("error code: 400, status code 500");
    }
}
