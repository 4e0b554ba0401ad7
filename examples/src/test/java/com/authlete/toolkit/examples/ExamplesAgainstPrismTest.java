package com.authlete.toolkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.core.testing.PrismServer;
import com.authlete.toolkit.render.RenderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs against Prism serving the real Authlete API description (skipped, naming the setting, without it). */
class ExamplesAgainstPrismTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrismServer prism;

    @BeforeAll
    static void start() throws Exception {
        prism = PrismServer.start(Peers.prism(), Peers.openApi());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void listAllClientsWalksEveryServiceAndItsClients() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = ListAllClients.run(
                URI.create(prism.url()), "test-token", new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(count).isPositive();
        assertThat(text.lines()).hasSize((int) count).allMatch(line -> line.matches("\\d+\t\\d+\t.*"));
    }

    @Test
    void theClientFacadeCallsAndStreamsAgainstTheRealDescription() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = ClientsOfAService.run(
                URI.create(prism.url()),
                "test-token",
                "715948317",
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(count).isPositive();
        assertThat(lines).hasSize((int) count + 1);
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.matches("\\d+\t.*"));
    }

    @Test
    void rotateClientSecretStoresTheAnswerPrivately(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.json");
        RotateClientSecret.rotate(URI.create(prism.url()), "test-token", "1", "2", file);
        assertThat(JSON.readTree(file.toFile()).has("newClientSecret")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void renderFileRendersARealResponse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clients.json");
        Files.writeString(
                file, directCall("client list", JSON.createObjectNode()).toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderFile.run(file, new RenderOptions(false, 80), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("== yaml\nclients:", "== toon\nclients[1]", "clientId");
    }

    @Test
    void deviceFlowEndpointRelaysAuthleteAnswers() throws Exception {
        JsonNode expected = directCall(
                "device-flow authorization",
                JSON.createObjectNode()
                        .put("parameters", "scope=openid")
                        .put("clientId", "cli")
                        .put("clientSecret", "s"));
        try (DeviceFlowEndpoint endpoint = new DeviceFlowEndpoint(URI.create(prism.url()), "test-token", "1", 0)) {
            HttpResponse<String> authorization = post(
                    endpoint,
                    "/device_authorization",
                    "scope=openid",
                    "Basic " + Base64.getEncoder().encodeToString("cli:s".getBytes(StandardCharsets.UTF_8)));
            assertThat(authorization.statusCode())
                    .isEqualTo(
                            DeviceFlowEndpoint.statusOf(expected.path("action").asText()));
            assertThat(authorization.body())
                    .isEqualTo(expected.path("responseContent").asText());

            String verification = directCall(
                            "device-flow verification", JSON.createObjectNode().put("userCode", "ABCD"))
                    .path("action")
                    .asText();
            HttpResponse<String> approval = post(endpoint, "/device/approve", "user_code=ABCD&subject=alice", null);
            assertThat(approval.statusCode()).isEqualTo(verification.equals("VALID") ? 200 : 400);
            assertThat(post(endpoint, "/device_authorization", "", null).statusCode())
                    .isNotEqualTo(405);
        }
    }

    private static JsonNode directCall(String command, JsonNode body) throws Exception {
        try (AuthleteClient authlete = AuthleteClient.builder()
                .baseUrl(URI.create(prism.url()))
                .token("test-token")
                .build()) {
            return authlete.call(command, Map.of("serviceId", "1"), body.isEmpty() ? null : body);
        }
    }

    private static HttpResponse<String> post(
            DeviceFlowEndpoint endpoint, String path, String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
