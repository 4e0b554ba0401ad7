package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export → edit → diff → apply → diff (empty) → apply (no requests), against a stateful fake API over HTTP. */
class DeclarativeWorkflowTest {

    static final String SERVICE_ID = "715948317";
    static final String TOKEN = "service-token-for-tests";
    static final String CALLBACK_SECRET = "callback-secret-value-42";
    static final String SERVICE_PRIVATE_D = "service-private-key-member-d-0123456789";
    static final String CLIENT_PRIVATE_D = "client-private-key-member-d-9876543210";

    @TempDir
    Path dir;

    FakeAuthlete fake;
    AuthleteClient authlete;
    Map<String, String> environment;
    ObjectNode webApp;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE_ID, TOKEN);
        ObjectNode service = fake.service();
        service.put("accessTokenDuration", 3600);
        service.putArray("supportedScopes").addObject().put("name", "openid").put("defaultEntry", true);
        service.putArray("supportedGrantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN");
        service.put("authenticationCallbackEndpoint", "https://as.example.com/authenticate");
        service.put("authenticationCallbackApiSecret", CALLBACK_SECRET);
        service.put(
                "jwks",
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"s1\",\"x\":\"xx\",\"y\":\"yy\",\"d\":\""
                        + SERVICE_PRIVATE_D + "\"}]}");
        service.put("description", "literal ${not-a-reference} stays");
        authlete = connect(fake.url());
        authlete.call("service update", Map.of("serviceId", SERVICE_ID), withoutReadOnly(service));

        ObjectNode web = JsonTrees.NODES.objectNode();
        web.put("clientName", "Web app").put("clientIdAlias", "web-app").put("clientIdAliasEnabled", true);
        web.put("clientType", "CONFIDENTIAL").put("tokenAuthMethod", "CLIENT_SECRET_BASIC");
        web.putArray("grantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN");
        web.putArray("responseTypes").add("CODE");
        web.putArray("redirectUris").add("https://app.example.com/cb").add("https://app.example.com/cb2");
        web.putArray("attributes").addObject().put("key", "team").put("value", "identity");
        web.putObject("extension").put("accessTokenDuration", 600);
        web.put(
                "jwks",
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"c1\",\"x\":\"xx\",\"y\":\"yy\",\"d\":\""
                        + CLIENT_PRIVATE_D + "\"}]}");
        webApp = fake.addClient(web);
        ObjectNode batch = JsonTrees.NODES.objectNode();
        batch.put("clientName", "Nightly batch").put("clientType", "CONFIDENTIAL");
        batch.putArray("grantTypes").add("CLIENT_CREDENTIALS");
        fake.addClient(batch);
        fake.clearRequests();
        environment = new HashMap<>();
    }

    @AfterEach
    void stop() throws Exception {
        authlete.close();
        fake.close();
    }

    static AuthleteClient connect(String url) throws Exception {
        return AuthleteClient.builder()
                .baseUrl(URI.create(url))
                .token(TOKEN)
                .userAgent("declarative-test")
                .build();
    }

    static ObjectNode withoutReadOnly(ObjectNode service) {
        ObjectNode copy = service.deepCopy();
        copy.remove(List.of("number", "apiKey", "apiSecret", "serviceOwnerNumber", "createdAt", "modifiedAt"));
        return copy;
    }

    List<Export.ExportedFile> export() throws IOException {
        List<Export.ExportedFile> files = Export.of(LiveState.fetch(authlete, SERVICE_ID));
        Export.write(dir, files);
        return files;
    }

    /** The secrets the export left out, as an operator would set them before diff or apply. */
    void setSecretsFromTheLiveService(List<Export.ExportedFile> files) {
        for (Export.ExportedFile file : files) {
            for (String variable : file.variables()) {
                String value = switch (variable) {
                    case "AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET" -> CALLBACK_SECRET;
                    case "AUTHLETE_SERVICE_JWKS" -> fake.service().path("jwks").asText();
                    case "AUTHLETE_CLIENT_WEB_APP_JWKS" -> webApp.path("jwks").asText();
                    default -> throw new AssertionError("unexpected secret variable " + variable);
                };
                environment.put(variable, value);
            }
        }
    }

    Diff diff(boolean prune) throws Exception {
        return Diff.between(DesiredState.read(dir, environment), LiveState.fetch(authlete, SERVICE_ID), prune);
    }

    String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    @Test
    void anExportIsOneFilePerResourceWithoutSecretsAndReadsBackAsNoDifference() throws Exception {
        List<Export.ExportedFile> files = export();

        assertThat(files)
                .extracting(Export.ExportedFile::path)
                .containsExactly("service.yaml", "clients/web-app.yaml", "clients/nightly-batch.yaml");
        String all =
                String.join("\n", files.stream().map(Export.ExportedFile::text).toList());
        try (Stream<Path> written = Files.walk(dir)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertThat(text)
                        .doesNotContain(
                                CALLBACK_SECRET,
                                SERVICE_PRIVATE_D,
                                CLIENT_PRIVATE_D,
                                "service-api-secret",
                                "generated-secret");
            }
        }
        assertThat(read("service.yaml"))
                .contains(
                        "authenticationCallbackApiSecret: \"${env:AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET}\"")
                .contains("jwks: \"${env:AUTHLETE_SERVICE_JWKS}\"")
                .contains("description: \"literal $${not-a-reference} stays\"")
                .doesNotContain("apiKey", "createdAt", "modifiedAt", "number:");
        assertThat(read("clients/web-app.yaml"))
                .startsWith("# client " + webApp.path("clientId").asText() + " of service " + SERVICE_ID
                        + " (exported; fingerprint ")
                .contains(")\nclientId: " + webApp.path("clientId").asText() + "\n")
                .contains("jwks: \"${env:AUTHLETE_CLIENT_WEB_APP_JWKS}\"")
                .doesNotContain("clientSecret", "createdAt", "serviceNumber");
        // Keys in the API description's order, whatever order the server answered in.
        assertThat(read("clients/web-app.yaml").indexOf("clientName:"))
                .isLessThan(read("clients/web-app.yaml").indexOf("redirectUris:"));

        assertThatThrownBy(() -> diff(false))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(
                        "service.yaml: authenticationCallbackApiSecret: environment variable AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET is not set");
        setSecretsFromTheLiveService(files);
        assertThat(diff(false).isEmpty()).isTrue();
        assertThat(all)
                .isEqualTo(String.join(
                        "\n", export().stream().map(Export.ExportedFile::text).toList())); // stable bytes
    }

    @Test
    void editDiffApplyThenNothingIsLeftToDo() throws Exception {
        setSecretsFromTheLiveService(export());
        String web = read("clients/web-app.yaml");
        web = web.replace(
                        "  - https://app.example.com/cb2\n",
                        "  - https://app.example.com/cb2\n  - https://app.example.com/cb3\n")
                .replace("tokenAuthMethod: CLIENT_SECRET_BASIC", "tokenAuthMethod: CLIENT_SECRET_POST")
                // A field left out of a file is not managed; an explicit empty list resets it.
                .replaceAll("(?m)^attributes:\\n(  .*\\n)+", "attributes: []\n");
        write("clients/web-app.yaml", web);
        write(
                "clients/mobile.yaml",
                "clientName: Mobile app\nclientIdAlias: mobile\nclientType: PUBLIC\n"
                        + "grantTypes: [AUTHORIZATION_CODE]\nredirectUris: ['${env:MOBILE_REDIRECT}']\n");
        environment.put("MOBILE_REDIRECT", "com.example.mobile:/cb");
        write("service.yaml", read("service.yaml").replace("accessTokenDuration: 3600", "accessTokenDuration: 7200"));

        Diff diff = diff(false);

        assertThat(diff.resources())
                .extracting(ResourceDiff::action, ResourceDiff::name)
                .containsExactly(
                        Tuple.tuple(ResourceDiff.Action.UPDATE, "service"),
                        Tuple.tuple(ResourceDiff.Action.CREATE, "mobile"),
                        Tuple.tuple(ResourceDiff.Action.UPDATE, "web-app"));
        assertThat(diff.resources().get(0).changes())
                .singleElement()
                .satisfies(change -> assertThat(change.path()).isEqualTo("accessTokenDuration"))
                .satisfies(change -> assertThat(change.change()).isEqualTo(FieldChange.Change.CHANGED));
        assertThat(diff.resources().get(2).changes())
                .extracting(FieldChange::path, FieldChange::change)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("tokenAuthMethod", FieldChange.Change.CHANGED),
                        Tuple.tuple("redirectUris", FieldChange.Change.ADDED),
                        Tuple.tuple("attributes", FieldChange.Change.REMOVED));

        Plan.Report report = Plan.of(diff).apply(authlete, step -> {});

        assertThat(report.complete()).isTrue();
        assertThat(report.applied()).hasSize(3);
        assertThat(fake.writes())
                .extracting(FakeAuthlete.Request::path)
                .containsExactly(
                        "/api/" + SERVICE_ID + "/service/update",
                        "/api/" + SERVICE_ID + "/client/create",
                        "/api/" + SERVICE_ID + "/client/update/"
                                + webApp.path("clientId").asText());
        assertThat(fake.service().path("accessTokenDuration").asInt()).isEqualTo(7200);
        assertThat(fake.service().path("authenticationCallbackApiSecret").asText())
                .isEqualTo(CALLBACK_SECRET);
        JsonNode updated = fake.clients().stream()
                .filter(c -> c.path("clientIdAlias").asText().equals("web-app"))
                .findFirst()
                .orElseThrow();
        assertThat(updated.path("redirectUris")).hasSize(3);
        assertThat(updated.path("attributes")).isEmpty();
        assertThat(updated.path("jwks").asText()).contains(CLIENT_PRIVATE_D);
        assertThat(fake.clients())
                .anySatisfy(
                        c -> assertThat(c.path("redirectUris").path(0).asText()).isEqualTo("com.example.mobile:/cb"));

        fake.clearRequests();
        Diff again = diff(false);
        assertThat(again.isEmpty())
                .as("diff after apply: %s", again.resources())
                .isTrue();
        assertThat(Plan.of(again).apply(authlete, step -> {}).applied()).isEmpty();
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void clientsWithoutAFileAreLeftAloneUnlessPruned() throws Exception {
        setSecretsFromTheLiveService(export());
        Files.delete(dir.resolve("clients/nightly-batch.yaml"));

        Diff kept = diff(false);
        assertThat(kept.isEmpty()).isTrue();
        assertThat(kept.unmanaged()).extracting(ResourceDiff::name).containsExactly("Nightly batch");

        Diff pruned = diff(true);
        assertThat(pruned.resources()).extracting(ResourceDiff::action).containsExactly(ResourceDiff.Action.DELETE);
        Plan.of(pruned).apply(authlete, step -> {});
        assertThat(fake.clients())
                .extracting(c -> c.path("clientName").asText())
                .containsExactly("Web app");
        assertThat(diff(true).isEmpty()).isTrue();
    }

    @Test
    void applyStopsAtTheFirstErrorAndReportsWhatItDid() throws Exception {
        setSecretsFromTheLiveService(export());
        write("service.yaml", read("service.yaml").replace("accessTokenDuration: 3600", "accessTokenDuration: 60"));
        write(
                "clients/web-app.yaml",
                read("clients/web-app.yaml").replace("clientName: Web app", "clientName: Web app 2"));
        write(
                "clients/nightly-batch.yaml",
                read("clients/nightly-batch.yaml").replace("clientName: Nightly batch", "clientName: Batch"));
        fake.failNext("/client/update/" + webApp.path("clientId").asText());

        Plan.Report report = Plan.of(diff(false)).apply(authlete, step -> {});

        assertThat(report.complete()).isFalse();
        // Clients go in file order: clients/nightly-batch.yaml, then clients/web-app.yaml, which fails.
        assertThat(report.applied())
                .extracting(applied -> applied.resource().name())
                .containsExactly("service", "Batch");
        assertThat(report.failed().resource().name()).isEqualTo("web-app");
        assertThat(report.error().category()).isEqualTo(ErrorCategory.REJECTED);
        assertThat(report.error().status()).isEqualTo(400);
        assertThat(fake.clients())
                .extracting(c -> c.path("clientName").asText())
                .containsExactly("Web app", "Batch");
    }

    @Test
    void setsIgnoreOrderAndPreferenceListsDoNot() throws Exception {
        setSecretsFromTheLiveService(export());
        write(
                "clients/web-app.yaml",
                read("clients/web-app.yaml")
                                .replace(
                                        "  - https://app.example.com/cb\n  - https://app.example.com/cb2\n",
                                        "  - https://app.example.com/cb2\n  - https://app.example.com/cb\n")
                        + "defaultAcrs: [gold, silver]\n");
        Plan.of(diff(false)).apply(authlete, step -> {});
        assertThat(diff(false).isEmpty()).isTrue();

        write(
                "clients/web-app.yaml",
                read("clients/web-app.yaml").replace("defaultAcrs: [gold, silver]", "defaultAcrs: [silver, gold]"));
        assertThat(diff(false).resources())
                .singleElement()
                .satisfies(resource -> assertThat(resource.changes())
                        .extracting(FieldChange::path)
                        .containsExactly("defaultAcrs"));
    }

    @Test
    void secretChangesAreMarkedSecret() throws Exception {
        setSecretsFromTheLiveService(export());
        environment.put("AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET", "a-new-callback-secret");
        FieldChange change = diff(false).resources().get(0).changes().get(0);
        assertThat(change.path()).isEqualTo("authenticationCallbackApiSecret");
        assertThat(change.secret()).isTrue();
    }

    @Test
    void aPairNamedLikeASecretIsExportedAsAReferenceAndDiffedMasked() throws Exception {
        ObjectNode hooks = JsonTrees.NODES.objectNode();
        hooks.put("clientName", "Hooks").put("clientType", "CONFIDENTIAL");
        ArrayNode attributes = hooks.putArray("attributes");
        attributes.addObject().put("value", "PAIR-SECRET-1").put("key", "webhook_password");
        attributes.addObject().put("key", "team").put("value", "blue");
        fake.addClient(hooks);
        List<Export.ExportedFile> files = export();

        String variable = "AUTHLETE_CLIENT_HOOKS_ATTRIBUTES_1_VALUE";
        assertThat(read("clients/hooks.yaml"))
                .doesNotContain("PAIR-SECRET-1")
                .contains("webhook_password", "blue", "${env:" + variable + "}");
        environment.put(variable, "PAIR-SECRET-2");
        for (Export.ExportedFile file : files) {
            file.variables().stream()
                    .filter(name -> !name.equals(variable))
                    .forEach(name -> environment.put(
                            name,
                            switch (name) {
                                case "AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET" -> CALLBACK_SECRET;
                                case "AUTHLETE_SERVICE_JWKS" ->
                                    fake.service().path("jwks").asText();
                                default -> webApp.path("jwks").asText();
                            }));
        }
        Diff diff = diff(false);
        List<FieldChange> changes = diff.resources().stream()
                .flatMap(resource -> resource.changes().stream())
                .toList();
        assertThat(changes)
                .isNotEmpty()
                .allSatisfy(
                        change -> assertThat(change.secret()).as(change.path()).isTrue());
        assertThat(new DiffText(false).render(diff) + DiffText.json(diff))
                .doesNotContain("PAIR-SECRET-1", "PAIR-SECRET-2");
    }

    @Test
    void aFileNamingAClientTheServiceDoesNotHaveIsAnError() throws Exception {
        setSecretsFromTheLiveService(export());
        write("clients/web-app.yaml", read("clients/web-app.yaml").replaceFirst("clientId: \\d+", "clientId: 42"));
        assertThatThrownBy(() -> diff(false))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("clients/web-app.yaml: clientId: service " + SERVICE_ID + " has no client 42;");
    }
}
