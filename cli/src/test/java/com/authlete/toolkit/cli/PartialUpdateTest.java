package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client update} with some fields keeps the others (the engine reads the object first), {@code --replace}
 * sends exactly the body: against a stateful fake that replaces whole objects and fills defaults, as Authlete does.
 */
class PartialUpdateTest {

    private static final String SERVICE_ID = "715948317";
    private static final String TOKEN = "cli-token-1234567890";

    private FakeAuthlete fake;
    private ObjectNode shop;
    private String id;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE_ID, TOKEN).fillingDefaults();
        shop = fake.addClient((ObjectNode) JsonTrees.parse(("{\"clientName\":\"Shop\",\"clientType\":\"CONFIDENTIAL\","
                        + "\"redirectUris\":[\"https://shop.example/cb\"],\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],"
                        + "\"jwks\":\"{\\\"keys\\\":[]}\",\"description\":\"old\"}")
                .getBytes()));
        id = shop.path("clientId").asText();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliHarness cli() {
        return new CliHarness()
                .env("AUTHLETE_BEARER", TOKEN)
                .env("AUTHLETE_SERVICE_ID", SERVICE_ID)
                .env("AUTHLETE_SERVER_URL", fake.url());
    }

    private ObjectNode stored() {
        return fake.clients().get(0);
    }

    @Test
    void anUpdateWithSomeFieldsKeepsEveryOtherField() {
        CliHarness.Result result =
                cli().run("client", "update", "--client-id", id, "--client-name", "Renamed", "-F", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stored().path("clientName").asText()).isEqualTo("Renamed");
        for (String kept : List.of("clientType", "redirectUris", "grantTypes", "jwks", "description", "clientSecret")) {
            assertThat(stored().get(kept)).as(kept).isEqualTo(shop.get(kept));
        }
        assertThat(fake.requests()).extracting(FakeAuthlete.Request::method).containsExactly("GET", "POST");
        assertThat(result.out()).contains("\"clientName\":\"Renamed\"");
    }

    @Test
    void mergeIsStillAcceptedAndMeansTheSame() {
        CliHarness.Result result = cli().run("client", "update", "--client-id", id, "--description", "new", "--merge");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stored().path("description").asText()).isEqualTo("new");
        assertThat(stored().get("redirectUris")).isEqualTo(shop.get("redirectUris"));
    }

    @Test
    void replaceSendsExactlyTheGivenBody() throws Exception {
        CliHarness.Result result =
                cli().run("client", "update", "--client-id", id, "--client-name", "Bare", "--replace");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(fake.requests()).extracting(FakeAuthlete.Request::method).containsExactly("POST");
        assertThat(JsonTrees.parse(fake.requests().get(0).body().getBytes()))
                .isEqualTo(JsonTrees.parse("{\"clientName\":\"Bare\"}".getBytes()));
        assertThat(stored().path("clientType").asText())
                .as("the server's default")
                .isEqualTo("PUBLIC");
    }

    @Test
    void aDryRunShowsTheReadAndTheFieldsItWouldChangeAndSendsNothing() {
        CliHarness.Result result =
                cli().run("client", "update", "--client-id", id, "--description", "new", "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(fake.requests()).isEmpty();
        assertThat(result.err())
                .contains(
                        "the current object would be read",
                        "> GET " + fake.url() + "/api/" + SERVICE_ID + "/client/get/" + id,
                        "only these fields changed: description",
                        "> POST " + fake.url() + "/api/" + SERVICE_ID + "/client/update/" + id,
                        "dry run: nothing was sent")
                .doesNotContain(TOKEN);
        CliHarness.Result replace =
                cli().run("client", "update", "--client-id", id, "--description", "new", "--dry-run", "--replace");
        assertThat(replace.err()).doesNotContain("> GET").contains("> POST");
    }

    @Test
    void aFailedReadSaysThatTheReadFailed() {
        fake.failNext("GET /api/" + SERVICE_ID + "/client/get/" + id);
        CliHarness.Result result = cli().run("client", "update", "--client-id", id, "--description", "new");

        assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR.status());
        assertThat(result.err())
                .startsWith("error: reading the current object with 'client get' before the update failed: ");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void contradictoryOrMisplacedFlagsAreUsageErrors() {
        CliHarness.Result both =
                cli().run("client", "update", "--client-id", id, "--description", "x", "--merge", "--replace");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.status());
        assertThat(both.err()).contains("--merge and --replace");
        CliHarness.Result create = cli().run("client", "create", "--client-name", "x", "--replace");
        assertThat(create.exitCode()).isEqualTo(ExitCode.USAGE.status());
        assertThat(create.err()).contains("--replace works with update commands");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void helpSaysThatTheReadNeedsReadPermission() {
        CliHarness.Result help = cli().run("client", "update", "--help");
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("needs the token's read permission")
                .contains("--replace");
    }

    @Test
    void aMissingParameterIsNamedByItsFlag() {
        CliHarness.Result result = new CliHarness()
                .env("AUTHLETE_BEARER", TOKEN)
                .env("AUTHLETE_SERVER_URL", fake.url())
                .run("client", "get", "--client-id", id);
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.status());
        assertThat(result.err()).isEqualTo("error: missing required flag --service-id\n");
    }
}
