package com.authlete.toolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Glossary;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.OutputFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tool calls against a stub API: arguments completed and bounded, answers bounded and redacted, failures as tool errors. */
class ToolCallsTest {

    private static final String SECRET = "s3cr3t-value-that-must-not-leak";

    private final StubServer api;
    private final Catalog catalog = Catalog.standard();

    ToolCallsTest() throws Exception {
        api = new StubServer();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ToolCalls calls(McpOptions options) {
        return new ToolCalls(
                options,
                () -> AuthleteClient.builder()
                        .baseUrl(URI.create(api.url()))
                        .token("test-token-1234567890")
                        .serviceId(options.defaultServiceId()));
    }

    private static McpOptions options(boolean allowDestructive, OutputFormat format, String defaultServiceId) {
        return new McpOptions(false, allowDestructive, Set.of(), format, 50, defaultServiceId);
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .map(content -> ((McpSchema.TextContent) content).text())
                .collect(Collectors.joining("\n---\n"));
    }

    @Test
    void aReadIsAnsweredInToonWithTheDefaultServiceId() {
        api.handler(request -> StubServer.Reply.json(
                200, "{\"clientId\":1140735077,\"clientName\":\"Shop\",\"redirectUris\":[\"https://a/cb\"]}"));
        McpSchema.CallToolResult result = calls(options(false, OutputFormat.TOON, "715948317"))
                .call(catalog.operation("client get"), Map.of("clientId", "1140735077"));
        assertThat(result.isError()).isFalse();
        assertThat(api.lastRequest().target()).isEqualTo("/api/715948317/client/get/1140735077");
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer test-token-1234567890");
        assertThat(text(result)).isEqualTo("clientId: 1140735077\nclientName: Shop\nredirectUris[1]: \"https://a/cb\"");
    }

    @Test
    void jsonOnRequestAndBodyFieldsFromArguments() {
        api.handler(request -> StubServer.Reply.json(200, "{\"clientId\":7,\"clientName\":\"New\"}"));
        McpSchema.CallToolResult result = calls(options(false, OutputFormat.JSON, null))
                .call(
                        catalog.operation("client create"),
                        Map.of("serviceId", "1", "clientName", "New", "grantTypes", List.of("AUTHORIZATION_CODE")));
        assertThat(text(result)).isEqualTo("{\"clientId\":7,\"clientName\":\"New\"}");
        assertThat(api.lastRequest().method()).isEqualTo("POST");
        assertThat(api.lastRequest().body())
                .contains("\"clientName\":\"New\"")
                .contains("\"grantTypes\":[\"AUTHORIZATION_CODE\"]");
    }

    @Test
    void listsAreAskedForOnePageAndSayWhereTheNextStarts() {
        api.handler(request -> StubServer.Reply.json(
                200,
                "{\"start\":100,\"end\":150,\"totalCount\":400,\"clients\":["
                        + String.join(",", Collections.nCopies(50, "{\"clientId\":1}")) + "]}"));
        McpSchema.CallToolResult result = calls(options(false, OutputFormat.TOON, "1"))
                .call(catalog.operation("client list"), Map.of("start", 100, "end", 10_000));
        assertThat(api.lastRequest().target()).contains("start=100").contains("end=150");
        assertThat(text(result))
                .contains("asked for 9900 items; one call returns at most 50")
                .contains("items 100 to 149 of 400; for more, call again with start=150");

        calls(options(false, OutputFormat.TOON, "1")).call(catalog.operation("client list"), Map.of());
        assertThat(api.lastRequest().target()).contains("start=0").contains("end=50");
    }

    @Test
    void secretsAreRedactedWhereAuthleteCarriesThem() {
        // In a field named as a secret, inside a JWK Set held in a string, and inside a response body held in a string.
        api.handler(request -> StubServer.Reply.json(
                200,
                "{\"apiKey\":1,\"apiSecret\":\"" + SECRET + "\",\"jwks\":"
                        + "\"{\\\"keys\\\":[{\\\"kty\\\":\\\"EC\\\",\\\"d\\\":\\\"" + SECRET
                        + "\\\"}]}\",\"responseContent\":"
                        + "\"{\\\"access_token\\\":\\\"" + SECRET + "\\\"}\"}"));
        for (OutputFormat format : List.of(OutputFormat.TOON, OutputFormat.JSON)) {
            String text = text(calls(options(false, format, null))
                    .call(catalog.operation("service get"), Map.of("serviceId", "1")));
            assertThat(text)
                    .as(format.name())
                    .doesNotContain(SECRET)
                    .contains("[REDACTED]")
                    .contains("apiKey");
        }
    }

    @Test
    void theToolThatHandsOutANewSecretShowsItAndSaysSo() {
        api.handler(request -> StubServer.Reply.json(
                200,
                "{\"resultCode\":\"A148001\",\"newClientSecret\":\"" + SECRET + "\",\"oldClientSecret\":\"old-" + SECRET
                        + "\"}"));
        String text = text(calls(options(true, OutputFormat.TOON, "1"))
                .call(catalog.operation("client management refresh-secret"), Map.of("clientIdentifier", "5")));
        assertThat(text)
                .contains("newClientSecret: " + SECRET)
                .contains("oldClientSecret: \"[REDACTED]\"")
                .doesNotContain("old-" + SECRET)
                .contains("newClientSecret is a newly generated secret, shown only this once");
    }

    @Test
    void destructiveToolsRefuseUnlessAllowed() {
        api.handler(request -> new StubServer.Reply(204, Map.of(), new byte[0]));
        McpSchema.CallToolResult refused = calls(options(false, OutputFormat.TOON, "1"))
                .call(catalog.operation("client delete"), Map.of("clientId", "5"));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("--allow-destructive").contains("authlete client delete");
        assertThat(api.requests()).isEmpty();
        // Rotating a secret ends the old one for every program that uses it: refused the same way.
        for (Map.Entry<String, Map<String, Object>> rotation : Map.of(
                        "client management refresh-secret",
                        Map.<String, Object>of("clientIdentifier", "5"),
                        "client management update-secret",
                        Map.<String, Object>of("clientIdentifier", "5", "clientSecret", "x".repeat(40)))
                .entrySet()) {
            McpSchema.CallToolResult rotated = calls(options(false, OutputFormat.TOON, "1"))
                    .call(catalog.operation(rotation.getKey()), rotation.getValue());
            assertThat(rotated.isError()).as(rotation.getKey()).isTrue();
            assertThat(text(rotated)).as(rotation.getKey()).contains("--allow-destructive");
        }
        assertThat(api.requests()).isEmpty();

        McpSchema.CallToolResult done = calls(options(true, OutputFormat.TOON, "1"))
                .call(catalog.operation("client delete"), Map.of("clientId", "5"));
        assertThat(done.isError()).isFalse();
        assertThat(api.lastRequest().method()).isEqualTo("DELETE");
        assertThat(text(done)).contains("no content");
    }

    @Test
    void apiErrorsCarryResultCodeAndMessage() {
        api.handler(request -> StubServer.Reply.json(
                400, "{\"resultCode\":\"A001201\",\"resultMessage\":\"[A001201] The client does not exist.\"}"));
        McpSchema.CallToolResult result = calls(options(false, OutputFormat.TOON, "1"))
                .call(catalog.operation("client get"), Map.of("clientId", "9"));
        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .isEqualTo(
                        "the Authlete API answered HTTP 400; resultCode: A001201; resultMessage: [A001201] The client does not exist.");
    }

    @Test
    void badArgumentsAndMissingTokensAreToolErrors() {
        McpSchema.CallToolResult unknown = calls(options(false, OutputFormat.TOON, "1"))
                .call(catalog.operation("client get"), Map.of("clientId", "9", "clientNmae", "x"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("unknown argument clientNmae").contains("takes serviceId, clientId");

        McpSchema.CallToolResult badPage = calls(options(false, OutputFormat.TOON, "1"))
                .call(catalog.operation("client list"), Map.of("start", "ten"));
        assertThat(text(badPage)).contains("start and end must be whole numbers");

        McpSchema.CallToolResult noToken = new ToolCalls(
                        options(false, OutputFormat.TOON, "1"),
                        () -> AuthleteClient.builder()
                                .baseUrl(URI.create(api.url()))
                                .tokenSource(Optional::empty)
                                .serviceId("1"))
                .call(catalog.operation("client get"), Map.of("clientId", "9"));
        assertThat(noToken.isError()).isTrue();
        assertThat(text(noToken))
                .isEqualTo(
                        "not authenticated: this MCP server has no API token; ask the user to run 'authlete auth login' "
                                + "or to set AUTHLETE_BEARER in the server's environment, then call again");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aPartialUpdateKeepsEveryOtherFieldAndReplaceSendsExactlyTheArguments() throws Exception {
        try (FakeAuthlete fake = new FakeAuthlete("715948317", "fake-token-1234567890").fillingDefaults()) {
            ObjectNode shop = fake.addClient(
                    (ObjectNode) JsonTrees.parse(("{\"clientName\":\"Shop\",\"clientType\":\"CONFIDENTIAL\","
                                    + "\"redirectUris\":[\"https://shop.example/cb\"],\"grantTypes\":[\"AUTHORIZATION_CODE\"],"
                                    + "\"jwks\":\"{\\\"keys\\\":[]}\"}")
                            .getBytes()));
            String id = shop.path("clientId").asText();
            ToolCalls calls = new ToolCalls(
                    options(false, OutputFormat.JSON, "715948317"),
                    () -> AuthleteClient.builder()
                            .baseUrl(URI.create(fake.url()))
                            .token("fake-token-1234567890")
                            .serviceId("715948317"));

            McpSchema.CallToolResult merged =
                    calls.call(catalog.operation("client update"), Map.of("clientId", id, "description", "new"));

            assertThat(merged.isError()).as(text(merged)).isFalse();
            ObjectNode after = fake.clients().get(0);
            assertThat(after.path("description").asText()).isEqualTo("new");
            for (String kept : List.of("clientName", "clientType", "redirectUris", "grantTypes", "jwks")) {
                assertThat(after.get(kept)).as(kept).isEqualTo(shop.get(kept));
            }

            fake.clearRequests();
            McpSchema.CallToolResult replaced = calls.call(
                    catalog.operation("client update"), Map.of("clientId", id, "clientName", "Bare", "replace", true));
            assertThat(replaced.isError()).as(text(replaced)).isFalse();
            assertThat(fake.requests()).extracting(FakeAuthlete.Request::method).containsExactly("POST");
            assertThat(JsonTrees.parse(fake.requests().get(0).body().getBytes()))
                    .isEqualTo(JsonTrees.parse("{\"clientName\":\"Bare\"}".getBytes()));
            assertThat(fake.clients().get(0).path("clientType").asText()).isEqualTo("PUBLIC");
        }
    }

    @Test
    void replaceIsAnArgumentOfUpdatesThatReplaceAWholeObjectOnly() {
        ToolSchemas schemas = new ToolSchemas(Glossary.standard(), options(false, OutputFormat.TOON, null));
        assertThat(properties(schemas, "client update")).containsKey("replace");
        assertThat(properties(schemas, "service update")).containsKey("replace");
        assertThat(properties(schemas, "client create")).doesNotContainKey("replace");
        McpSchema.CallToolResult wrong = calls(options(false, OutputFormat.TOON, "1"))
                .call(catalog.operation("client create"), Map.of("clientName", "x", "replace", true));
        assertThat(text(wrong)).contains("unknown argument replace");
        assertThat(api.requests()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(ToolSchemas schemas, String command) {
        return (Map<String, Object>) schemas.input(catalog.operation(command)).get("properties");
    }

    @Test
    void aMissingArgumentIsNamedAsTheToolNamesIt() {
        McpSchema.CallToolResult missing = calls(options(false, OutputFormat.TOON, null))
                .call(catalog.operation("client get"), Map.of("clientId", "9"));
        assertThat(text(missing)).isEqualTo("invalid arguments: the argument serviceId is required");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void controlCharactersFromTheServerNeverReachTheModelRaw() throws Exception {
        String hostile = "Shop\u009b2J\u009d0;PWNED\u0007\u001b[31m";
        api.handler(request -> request.target().contains("/client/get/9")
                ? StubServer.Reply.json(
                        400, "{\"resultCode\":\"A1\",\"resultMessage\":" + JsonTrees.NODES.textNode(hostile) + "}")
                : StubServer.Reply.json(
                        200, "{\"clientId\":1,\"clientName\":" + JsonTrees.NODES.textNode(hostile) + "}"));
        for (OutputFormat format : List.of(OutputFormat.TOON, OutputFormat.JSON)) {
            McpSchema.CallToolResult answer =
                    calls(options(false, format, "1")).call(catalog.operation("client get"), Map.of("clientId", "1"));
            McpSchema.CallToolResult error =
                    calls(options(false, format, "1")).call(catalog.operation("client get"), Map.of("clientId", "9"));
            for (McpSchema.CallToolResult result : List.of(answer, error)) {
                assertThat(text(result).chars().filter(c -> c >= 0x80 && c <= 0x9f || c == 0x1b || c == 0x07))
                        .as(format + ": " + text(result))
                        .isEmpty();
            }
            assertThat(text(answer)).as(format.name()).contains("Shop");
            assertThat(text(error)).as(format.name()).contains("A1");
        }
        McpSchema.CallToolResult json = calls(options(false, OutputFormat.JSON, "1"))
                .call(catalog.operation("client get"), Map.of("clientId", "1"));
        assertThat(JsonTrees.parse(text(json).getBytes()).path("clientName").asText())
                .isEqualTo(hostile);
    }

    @Test
    void autoSendsTheSmallerEncodingAndFieldsKeepOnlyTheFieldsNamed() {
        String list = "{\"start\":0,\"end\":3,\"totalCount\":3,\"clients\":["
                + "{\"clientId\":1,\"clientName\":\"A\",\"clientType\":\"PUBLIC\"},"
                + "{\"clientId\":2,\"clientName\":\"B\",\"clientType\":\"PUBLIC\"},"
                + "{\"clientId\":3,\"clientName\":\"C\",\"clientType\":\"CONFIDENTIAL\"}]}";
        String deep = "{\"clientId\":1,\"extension\":{\"a\":{\"b\":[{\"c\":{\"d\":[1,{\"e\":[]}]}}]}},"
                + "\"redirectUris\":[\"https://a/cb\",\"https://b/cb\"]}";
        for (String[] answer : new String[][] {{"client list", list}, {"client get", deep}}) {
            api.handler(request -> StubServer.Reply.json(200, answer[1]));
            Map<String, Object> arguments = answer[0].equals("client get") ? Map.of("clientId", "1") : Map.of();
            String auto = text(calls(new McpOptions(false, false, Set.of(), null, 50, "1"))
                    .call(catalog.operation(answer[0]), arguments));
            String toon =
                    text(calls(options(false, OutputFormat.TOON, "1")).call(catalog.operation(answer[0]), arguments));
            String json =
                    text(calls(options(false, OutputFormat.JSON, "1")).call(catalog.operation(answer[0]), arguments));
            assertThat(auto).as(answer[0]).isEqualTo(toon.length() <= json.length() ? toon : json);
            assertThat(toon).isNotEqualTo(json);
        }

        api.handler(request -> StubServer.Reply.json(200, list));
        String picked = text(calls(options(false, OutputFormat.JSON, "1"))
                .call(catalog.operation("client list"), Map.of("fields", List.of("clientName"))));
        assertThat(picked)
                .startsWith("{\"start\":0,\"end\":3,\"totalCount\":3,\"clients\":[{\"clientName\":\"A\"},")
                .doesNotContain("clientType", "clientId");
        McpSchema.CallToolResult wrong = calls(options(false, OutputFormat.JSON, "1"))
                .call(catalog.operation("client list"), Map.of("fields", "clientName"));
        assertThat(wrong.isError()).isTrue();
        McpSchema.CallToolResult onWrite = calls(options(false, OutputFormat.JSON, "1"))
                .call(catalog.operation("client create"), Map.of("clientName", "x", "fields", List.of("a")));
        assertThat(text(onWrite)).contains("unknown argument fields");
    }

    @Test
    void anIdMayBeGivenAsTheNumberAnswersPrint() {
        api.handler(request -> StubServer.Reply.json(200, "{\"clientId\":1140735077}"));
        Map<String, Object> schema = new ToolSchemas(Glossary.standard(), options(false, OutputFormat.JSON, "1"))
                .input(catalog.operation("client get"));
        assertThat(properties(schema).get("clientId").toString()).contains("anyOf");
        McpSchema.CallToolResult byNumber = calls(options(false, OutputFormat.JSON, "1"))
                .call(catalog.operation("client get"), Map.of("clientId", 1140735077L));
        assertThat(byNumber.isError()).as(text(byNumber)).isFalse();
        assertThat(api.lastRequest().target()).isEqualTo("/api/1/client/get/1140735077");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }
}
