package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.core.testing.PrismServer;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls a plan makes, sent to Prism serving the real API description with {@code --errors}: Prism answers a
 * request that breaks the description with an error, so every step succeeding proves that service update, client
 * create, client update and client delete are sent as the API defines them (the fake checks only field names).
 * Skipped, naming the setting, without Prism.
 */
class PlanAgainstPrismTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfStepIsAValidRequestForTheRealDescription() throws Exception {
        Path prismBinary = Peers.prism();
        Path spec = Peers.openApi();
        Diff diff;
        try (FakeAuthlete fake = new FakeAuthlete(DeclarativeWorkflowTest.SERVICE_ID, DeclarativeWorkflowTest.TOKEN);
                AuthleteClient authlete = DeclarativeWorkflowTest.connect(fake.url())) {
            ObjectNode web = JsonTrees.NODES.objectNode();
            web.put("clientName", "Web app").put("clientIdAlias", "web-app").put("clientType", "CONFIDENTIAL");
            web.putArray("grantTypes").add("AUTHORIZATION_CODE");
            web.putArray("redirectUris").add("https://app.example.com/cb");
            web.putArray("attributes").addObject().put("key", "team").put("value", "identity");
            web.putObject("extension").put("accessTokenDuration", 600).put("requestableScopesEnabled", true);
            fake.addClient(web);
            fake.addClient((ObjectNode) JsonTrees.NODES.objectNode().put("clientName", "Old"));
            Export.write(dir, Export.of(LiveState.fetch(authlete, DeclarativeWorkflowTest.SERVICE_ID)));
            Files.writeString(
                    dir.resolve("service.yaml"),
                    Files.readString(dir.resolve("service.yaml"))
                            + "accessTokenDuration: 7200\nsupportedGrantTypes: [AUTHORIZATION_CODE, REFRESH_TOKEN]\n"
                            + "supportedScopes:\n  - name: openid\n    defaultEntry: true\n");
            Files.writeString(
                    dir.resolve("clients/web-app.yaml"),
                    Files.readString(dir.resolve("clients/web-app.yaml"))
                            .replace("clientType: CONFIDENTIAL", "clientType: PUBLIC"));
            Files.writeString(
                    dir.resolve("clients/mobile.yaml"),
                    "clientName: Mobile\nclientIdAlias: mobile\n"
                            + "grantTypes: [AUTHORIZATION_CODE]\nresponseTypes: [CODE]\nredirectUris: [com.example:/cb]\n");
            Files.delete(dir.resolve("clients/old.yaml"));
            diff = Diff.between(
                    DesiredState.read(dir, Map.of()),
                    LiveState.fetch(authlete, DeclarativeWorkflowTest.SERVICE_ID),
                    true);
        }
        Plan plan = Plan.of(diff);
        assertThat(plan.steps())
                .extracting(Plan.Step::command)
                .containsExactly("service update", "client create", "client update", "client delete");

        try (PrismServer prism = PrismServer.start(prismBinary, spec, true);
                AuthleteClient authlete = DeclarativeWorkflowTest.connect(prism.url())) {
            Plan.Report report = plan.apply(authlete, step -> {});
            assertThat(report.error()).as("a step the real description refuses").isNull();
            assertThat(report.applied()).hasSize(4);
        }
    }
}
