package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply settles against a server that behaves like Authlete: it fills defaults for fields a request leaves out
 * (booleans false, clientType PUBLIC, tokenAuthMethod NONE, idTokenSignAlg RS256, ...), replaces the whole object on
 * update and answers set-like arrays in its own order. A second apply sends nothing.
 */
class ConvergenceTest {

    private static final String SERVICE_ID = "715948317";
    private static final String TOKEN = DeclarativeWorkflowTest.TOKEN;

    @TempDir
    Path dir;

    private FakeAuthlete fake;
    private AuthleteClient authlete;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE_ID, TOKEN).fillingDefaults();
        ObjectNode service = fake.service();
        service.put("serviceName", "Converging");
        service.put("accessTokenDuration", 3600);
        service.put("pkceRequired", true);
        service.putArray("supportedGrantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN");
        fake.setService(service);
        authlete = DeclarativeWorkflowTest.connect(fake.url());
        Files.createDirectories(dir.resolve("clients"));
    }

    @AfterEach
    void stop() throws Exception {
        authlete.close();
        fake.close();
    }

    private Diff diff() throws Exception {
        return Diff.between(DesiredState.read(dir, environment), LiveState.fetch(authlete, SERVICE_ID), false);
    }

    /** Applies what differs; returns the number of write requests it sent. */
    private int apply() throws Exception {
        fake.clearRequests();
        Plan.Report report = Plan.of(diff()).apply(authlete, done -> {});
        assertThat(report.complete()).as(String.valueOf(report.error())).isTrue();
        return fake.writes().size();
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    private String read(String file) throws Exception {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void aClientCreatedFromAMinimalFileSettlesAtOnce() throws Exception {
        write(
                "clients/new-app.yaml",
                "clientName: New app\nredirectUris: [https://new.example/cb]\ngrantTypes: [REFRESH_TOKEN, AUTHORIZATION_CODE]\n"
                        + "responseTypes: [CODE]\n");
        assertThat(diff().resources())
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo(ResourceDiff.Action.CREATE));
        assertThat(apply()).isEqualTo(1);
        JsonNode created = fake.clients().get(0);
        assertThat(created.path("clientType").asText())
                .as("filled by the server")
                .isEqualTo("PUBLIC");
        assertThat(created.path("idTokenSignAlg").asText()).isEqualTo("RS256");

        assertThat(diff().isEmpty())
                .as("defaults the server filled are not differences")
                .isTrue();
        assertThat(apply()).as("the second apply sends nothing").isZero();

        // The server made the client id its alias: the export still names the file after the client's name, and an
        // export followed by diff is empty.
        assertThat(created.path("clientIdAlias").asText())
                .isEqualTo(created.path("clientId").asText());
        List<Export.ExportedFile> files = Export.of(LiveState.fetch(authlete, SERVICE_ID));
        assertThat(files).extracting(Export.ExportedFile::path).contains("clients/new-app.yaml");
        Path fresh = dir.resolveSibling("exported");
        Export.write(fresh, files);
        assertThat(Diff.between(DesiredState.read(fresh, environment), LiveState.fetch(authlete, SERVICE_ID), false)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aFieldLeftOutOfAFileKeepsItsLiveValue() throws Exception {
        List<Export.ExportedFile> files = Export.of(LiveState.fetch(authlete, SERVICE_ID));
        Export.write(dir, files);
        assertThat(diff().isEmpty()).as("an export is what is live").isTrue();

        write("service.yaml", read("service.yaml").replaceAll("(?m)^accessTokenDuration: .*\\n", ""));
        write("service.yaml", read("service.yaml").replace("serviceName: Converging", "serviceName: Renamed"));
        Diff diff = diff();
        assertThat(diff.resources())
                .singleElement()
                .satisfies(resource -> assertThat(resource.changes())
                        .extracting(FieldChange::path)
                        .containsExactly("serviceName"));
        assertThat(apply()).isEqualTo(1);
        assertThat(fake.service().path("accessTokenDuration").asInt())
                .as("not in the file: kept, not reset to the server's default")
                .isEqualTo(3600);
        assertThat(fake.service().path("supportedGrantTypes")).hasSize(2);
        assertThat(apply()).isZero();

        // null is the same as leaving a field out: the server's value is not fought over.
        write("service.yaml", read("service.yaml").replace("pkceRequired: true", "pkceRequired: null"));
        assertThat(diff().isEmpty()).isTrue();
    }

    @Test
    void aResetIsSpelledOutAndSettles() throws Exception {
        write("service.yaml", "pkceRequired: false\nsupportedGrantTypes: []\n");
        assertThat(diff().resources().get(0).changes())
                .extracting(FieldChange::path, FieldChange::change)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("pkceRequired", FieldChange.Change.REMOVED),
                        Tuple.tuple("supportedGrantTypes", FieldChange.Change.REMOVED));
        assertThat(apply()).isEqualTo(1);
        assertThat(fake.service().path("pkceRequired").asBoolean()).isFalse();
        assertThat(fake.service().path("supportedGrantTypes")).isEmpty();
        assertThat(fake.service().path("serviceName").asText()).isEqualTo("Converging");
        assertThat(apply()).isZero();

        ObjectNode client = JsonTrees.NODES.objectNode();
        client.put("clientName", "Typed").put("clientType", "CONFIDENTIAL");
        fake.addClient(client);
        write("clients/typed.yaml", "clientName: Typed\nclientType: PUBLIC\n");
        assertThat(apply()).isEqualTo(1);
        assertThat(fake.clients().get(0).path("clientType").asText()).isEqualTo("PUBLIC");
        assertThat(apply()).isZero();
    }

    @Test
    void valuesAreComparedAsValues() throws Exception {
        ObjectNode service = fake.service();
        service.put("jwks", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"xx\",\"y\":\"yy\"}]}");
        fake.setService(service);
        // The same JWK Set pretty-printed, members in another order; numbers and booleans written as text.
        write(
                "service.yaml",
                "jwks: |\n  {\n    \"keys\": [ { \"y\": \"yy\", \"x\": \"xx\", \"crv\": \"P-256\", \"kty\": \"EC\" } ]\n  }\n"
                        + "accessTokenDuration: \"3600\"\npkceRequired: \"true\"\n");
        assertThat(diff().isEmpty()).as(diff().toString()).isTrue();
        assertThat(apply()).isZero();

        write("service.yaml", "jwks: '{\"keys\":[]}'\n");
        assertThat(diff().resources())
                .singleElement()
                .satisfies(resource -> assertThat(resource.changes())
                        .extracting(FieldChange::path)
                        .containsExactly("jwks"));
    }

    @Test
    void aChangeMadeWhileThePlanIsReadIsFoundBeforeAnythingIsSent() throws Exception {
        ObjectNode client = JsonTrees.NODES.objectNode();
        client.put("clientName", "Shared").put("description", "before");
        String clientId = fake.addClient(client).path("clientId").asText();
        write("clients/shared.yaml", "clientName: Shared\ndescription: mine\n");
        write("service.yaml", "serviceName: Planned\n");
        Plan plan = Plan.of(diff());
        assertThat(plan.drift(authlete)).isEmpty();

        // Someone else edits the client and the service between the plan and the answer.
        ObjectNode changed = fake.clients().get(0);
        changed.put("description", "someone else's");
        fake.setClient(changed);
        ObjectNode service = fake.service();
        service.put("accessTokenDuration", 60);
        fake.setService(service);

        assertThat(plan.drift(authlete))
                .containsExactly(
                        "service " + SERVICE_ID + " was changed",
                        "client Shared (clientId " + clientId + ") was changed");
    }
}
