package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** authlete export, diff and apply, run in-process against the stateful fake API over HTTP. */
class DeclarativeCommandsTest {

    static final String SERVICE_ID = "715948317";
    static final String TOKEN = "declarative-cli-token";
    static final String CALLBACK_SECRET = "callback-secret-cli-77";
    static final String PRIVATE_D = "private-member-d-of-the-client-key-5555";

    FakeAuthlete fake;
    String clientJwks;
    String webAppId;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE_ID, TOKEN);
        ObjectNode web = JsonTrees.NODES.objectNode();
        web.put("clientName", "Web app").put("clientIdAlias", "web-app").put("clientType", "CONFIDENTIAL");
        web.putArray("grantTypes").add("AUTHORIZATION_CODE");
        web.putArray("redirectUris").add("https://app.example.com/cb");
        clientJwks =
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"xx\",\"y\":\"yy\",\"d\":\"" + PRIVATE_D + "\"}]}";
        web.put("jwks", clientJwks);
        webAppId = fake.addClient(web).path("clientId").asText();
        ObjectNode batch = JsonTrees.NODES.objectNode();
        batch.put("clientName", "Nightly batch").putArray("grantTypes").add("CLIENT_CREDENTIALS");
        fake.addClient(batch);
        // The service's callback secret, set as an operator would have.
        CliHarness.Result set = cli().pipe("{\"serviceName\":\"Fake service\",\"authenticationCallbackApiSecret\":\""
                        + CALLBACK_SECRET + "\"}")
                .run("service", "update", "--server-url", fake.url());
        assertThat(set.exitCode()).as(set.err()).isZero();
        fake.clearRequests();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    CliHarness cli() {
        return new CliHarness()
                .env("AUTHLETE_BEARER", TOKEN)
                .env("AUTHLETE_SERVICE_ID", SERVICE_ID)
                .env("AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET", CALLBACK_SECRET)
                .env("AUTHLETE_CLIENT_WEB_APP_JWKS", clientJwks);
    }

    CliHarness.Result run(CliHarness cli, Path dir, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--dir", dir.toString(), "--server-url", fake.url()))
                .toArray(String[]::new);
        return cli.run(all);
    }

    Path exported() throws Exception {
        Path dir = TempDirs.create("declarative").resolve("config");
        CliHarness.Result export = run(cli(), dir, "export");
        assertThat(export.exitCode()).as(export.err()).isZero();
        return dir;
    }

    static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void exportRefusesFilesChangedSinceTheLastOneAndWritesATemplateOnRequest() throws Exception {
        Path dir = exported();
        edit(dir.resolve("clients/web-app.yaml"), "clientName: Web app", "clientName: Web app (mine)");
        CliHarness.Result refused = run(cli(), dir, "export");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .isEqualTo("error: these files were changed since an export wrote them (or not written by export);"
                        + " nothing was written (--force overwrites them): clients/web-app.yaml\n");
        assertThat(Files.readString(dir.resolve("clients/web-app.yaml"))).contains("Web app (mine)");

        Path template = dir.resolveSibling("secrets.env");
        CliHarness.Result forced = run(cli(), dir, "export", "--force", "--env-template", template.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(dir.resolve("clients/web-app.yaml"))).doesNotContain("(mine)");
        assertThat(Files.readString(template))
                .endsWith("AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET=\nAUTHLETE_CLIENT_WEB_APP_JWKS=\n")
                .doesNotContain(CALLBACK_SECRET, PRIVATE_D);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(template)))
                .isEqualTo("rw-------");

        CliHarness.Result again = run(cli(), dir, "export", "--env-template", template.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists; give a new file");
    }

    @Test
    void exportWritesNoSecretAndNamesTheVariablesToSet() throws Exception {
        Path dir = TempDirs.create("declarative").resolve("config");
        CliHarness.Result export = run(cli(), dir, "export");

        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).isEqualTo("Exported service " + SERVICE_ID + " and 2 clients to " + dir + ".\n");
        assertThat(export.err())
                .isEqualTo("Secrets were not written; set these variables before diff or apply"
                        + " (--env-template FILE writes them as a file to fill in):\n"
                        + "  AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET\n  AUTHLETE_CLIENT_WEB_APP_JWKS\n");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(dir::relativize)
                            .map(Path::toString)
                            .sorted())
                    .containsExactly("clients/nightly-batch.yaml", "clients/web-app.yaml", "service.yaml");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file))
                        .doesNotContain(CALLBACK_SECRET, PRIVATE_D, "generated-secret", TOKEN);
            }
        }
        CliHarness.Result diff = run(cli(), dir, "diff");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).isEqualTo("No differences: service " + SERVICE_ID + " matches the files.\n");
    }

    @Test
    void editedFilesDiffWithExitStatusOneAndApplyMakesThemMatch() throws Exception {
        Path dir = exported();
        edit(
                dir.resolve("clients/web-app.yaml"),
                "  - https://app.example.com/cb\n",
                "  - https://app.example.com/cb\n  - https://app.example.com/new\n");
        edit(dir.resolve("clients/web-app.yaml"), "clientType: CONFIDENTIAL", "clientType: PUBLIC");
        Files.writeString(
                dir.resolve("clients/mobile.yaml"),
                "clientName: Mobile\nclientIdAlias: mobile\ngrantTypes: [AUTHORIZATION_CODE]\n");
        CliHarness cli = cli().env("AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET", "rotated-callback-secret");

        CliHarness.Result diff = run(cli, dir, "diff");
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.out())
                .isEqualTo(String.join(
                        "\n",
                        "~ service " + SERVICE_ID + " (service.yaml)",
                        "    ~ authenticationCallbackApiSecret: [REDACTED] -> [REDACTED]",
                        "+ client mobile (clients/mobile.yaml): new",
                        "    + clientName: Mobile",
                        "    + clientIdAlias: mobile",
                        "    + grantTypes: [\"AUTHORIZATION_CODE\"]",
                        "~ client web-app (clients/web-app.yaml, clientId " + webAppId + ")",
                        "    ~ clientType: CONFIDENTIAL -> PUBLIC",
                        "    + redirectUris: https://app.example.com/new",
                        "3 resources differ: 1 to create, 2 to update, 0 to delete.",
                        ""));
        assertThat(diff.out() + diff.err()).doesNotContain(CALLBACK_SECRET, "rotated-callback-secret", PRIVATE_D);

        CliHarness.Result json = run(cli, dir, "diff", "-F", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode tree = JsonTrees.parse(json.out().getBytes(StandardCharsets.UTF_8));
        assertThat(tree.path("equal").asBoolean(true)).isFalse();
        assertThat(tree.path("resources")).hasSize(3);
        assertThat(tree.path("resources")
                        .get(0)
                        .path("changes")
                        .get(0)
                        .path("after")
                        .asText())
                .isEqualTo("[REDACTED]");
        assertThat(json.out()).doesNotContain("rotated-callback-secret");

        CliHarness.Result piped = run(cli.pipe(""), dir, "apply");
        assertThat(piped.exitCode()).isEqualTo(2);
        assertThat(piped.err()).contains("give --yes to apply without asking");
        assertThat(fake.writes()).isEmpty();

        CliHarness.Result dryRun = run(cli, dir, "apply", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out())
                .contains(
                        "Dry run: these requests would be sent (nothing was):",
                        "POST /api/" + SERVICE_ID + "/service/update",
                        "POST /api/" + SERVICE_ID + "/client/create",
                        "POST /api/" + SERVICE_ID + "/client/update/" + webAppId);
        assertThat(dryRun.out()).doesNotContain("rotated-callback-secret", PRIVATE_D);
        assertThat(fake.writes()).isEmpty();

        CliHarness.Result apply = run(cli, dir, "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out())
                .contains(
                        "updated service " + SERVICE_ID + "\n",
                        "created client mobile (clientId ",
                        "updated client web-app\n",
                        "Applied 3 changes to service " + SERVICE_ID + ".\n");
        assertThat(fake.service().path("authenticationCallbackApiSecret").asText())
                .isEqualTo("rotated-callback-secret");

        fake.clearRequests();
        assertThat(run(cli, dir, "diff").exitCode()).isZero();
        CliHarness.Result again = run(cli, dir, "apply", "--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("Nothing to apply: service " + SERVICE_ID + " matches the files.\n");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void onATerminalApplyAsksFirst() throws Exception {
        Path dir = exported();
        edit(dir.resolve("clients/web-app.yaml"), "clientType: CONFIDENTIAL", "clientType: PUBLIC");

        CliHarness.Result no = run(cli().terminalInput("n\n"), dir, "apply");
        assertThat(no.exitCode()).isEqualTo(1);
        assertThat(no.err())
                .contains("Apply 1 change to service " + SERVICE_ID + "? [y/N] ")
                .contains("apply cancelled; nothing was changed");
        assertThat(fake.writes()).isEmpty();

        CliHarness.Result yes = run(cli().terminalInput("y\n"), dir, "apply");
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(fake.writes()).hasSize(1);
    }

    /** One terminal for both streams, as a person sees it: the plan comes before the question, not after the answer. */
    @Test
    void thePlanIsShownBeforeTheQuestion() throws Exception {
        Path dir = exported();
        edit(dir.resolve("clients/web-app.yaml"), "clientType: CONFIDENTIAL", "clientType: PUBLIC");
        CliHarness.Result seen = run(cli().sharedTerminal().terminalInput("n\n"), dir, "apply", "--color", "never");
        String screen = seen.out();
        assertThat(screen).contains("clientType", "Apply 1 change");
        assertThat(screen.indexOf("clientType")).isLessThan(screen.indexOf("Apply 1 change"));
    }

    @Test
    void controlCharactersInNamesAndValuesNeverReachTheTerminalRaw() throws Exception {
        ObjectNode hostile = JsonTrees.NODES.objectNode();
        hostile.put("clientName", "Evil\u009d0;PWNED\u0007\u009b2J").put("description", "d\u009b31m\u001b[2J");
        fake.addClient(hostile);
        Path dir = exported();
        // The description differs from the live one: diff shows both values.
        edit(dir.resolve("clients/evil-0-pwned-2j.yaml"), "description:", "developer: x\ndescription:");
        for (String[] args : new String[][] {{"diff"}, {"diff", "--prune"}, {"apply", "--yes"}}) {
            CliHarness.Result result = run(cli().terminalOutput().terminalErrors(), dir, args);
            String all = result.out() + result.err();
            assertThat(all.chars().filter(c -> c >= 0x80 && c <= 0x9f || c == 0x07))
                    .as(String.join(" ", args) + ": " + all)
                    .isEmpty();
        }
        Files.delete(dir.resolve("clients/evil-0-pwned-2j.yaml"));
        CliHarness.Result prune = run(cli().terminalOutput(), dir, "apply", "--yes", "--prune");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("deleted client Evil");
        assertThat(prune.out().chars().filter(c -> c >= 0x80 && c <= 0x9f || c == 0x07))
                .isEmpty();
    }

    @Test
    void valuesFromTheEnvironmentAreSecretsInEveryOutput() throws Exception {
        Path dir = exported();
        Path web = dir.resolve("clients/web-app.yaml");
        edit(web, "clientName: Web app", "clientName: Web ${env:STAGE}\ndescription: ${env:PRIVATE_NOTE}");
        Files.writeString(
                dir.resolve("clients/new-one.yaml"),
                "clientName: New ${env:STAGE}\ntosUri: https://x/${env:PRIVATE_NOTE}\n");
        CliHarness cli = cli().env("STAGE", "stage-hunter2").env("PRIVATE_NOTE", "note \"quoted\" hunter2");
        for (String[] args : new String[][] {{"diff"}, {"diff", "-F", "json"}, {"apply", "--dry-run"}}) {
            CliHarness.Result result = run(cli, dir, args);
            String all = result.out() + result.err();
            assertThat(result.exitCode())
                    .as(String.join(" ", args) + ": " + result.err())
                    .isIn(0, 1);
            assertThat(all).as(String.join(" ", args)).doesNotContain("hunter2").contains("[REDACTED]");
        }
        CliHarness.Result apply = run(cli, dir, "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out() + apply.err()).doesNotContain("hunter2");
        assertThat(fake.clients())
                .extracting(client -> client.path("clientName").asText())
                .contains("Web stage-hunter2");
    }

    @Test
    void clientsWithoutAFileAreDeletedOnlyWithPrune() throws Exception {
        Path dir = exported();
        Files.delete(dir.resolve("clients/nightly-batch.yaml"));

        CliHarness.Result diff = run(cli(), dir, "diff");
        assertThat(diff.exitCode()).isZero();
        assertThat(diff.err())
                .contains("note: client Nightly batch (clientId ")
                .contains("has no file; left alone (--prune deletes it)");
        assertThat(run(cli(), dir, "apply", "--yes").out()).startsWith("Nothing to apply");
        assertThat(fake.clients()).hasSize(2);

        assertThat(run(cli(), dir, "diff", "--prune").exitCode()).isEqualTo(1);
        CliHarness.Result prune = run(cli(), dir, "apply", "--yes", "--prune");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("- client Nightly batch (clientId ", "deleted client Nightly batch");
        assertThat(fake.clients())
                .extracting(client -> client.path("clientName").asText())
                .containsExactly("Web app");
        assertThat(run(cli(), dir, "diff", "--prune").exitCode()).isZero();
    }

    @Test
    void anApiErrorStopsApplyAndSaysWhatWasApplied() throws Exception {
        Path dir = exported();
        edit(dir.resolve("clients/nightly-batch.yaml"), "clientName: Nightly batch", "clientName: Batch");
        edit(dir.resolve("clients/web-app.yaml"), "clientType: CONFIDENTIAL", "clientType: PUBLIC");
        fake.failNext("/client/update/" + webAppId);

        CliHarness.Result apply = run(cli(), dir, "apply", "--yes");

        assertThat(apply.exitCode()).isEqualTo(ExitCode.ERROR.status());
        assertThat(apply.out()).contains("updated client Batch\n");
        assertThat(apply.err().strip())
                .startsWith("error: apply stopped at 'update client web-app': ")
                .contains("A999999")
                .endsWith("applied 1 of 2 (listed above)")
                .doesNotContain("\n");
    }

    @Test
    void badFilesAndSettingsAreOneLineUsageErrors() throws Exception {
        Path dir = exported();
        edit(dir.resolve("clients/web-app.yaml"), "clientType: CONFIDENTIAL", "clientType: SECRETIVE");
        CliHarness.Result bad = run(cli(), dir, "diff");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip())
                .endsWith("clients/web-app.yaml: clientType: 'SECRETIVE' is not one of PUBLIC, CONFIDENTIAL")
                .doesNotContain("\n");

        CliHarness.Result unset =
                run(new CliHarness().env("AUTHLETE_BEARER", TOKEN).env("AUTHLETE_SERVICE_ID", SERVICE_ID), dir, "diff");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err())
                .contains("service.yaml: authenticationCallbackApiSecret: environment variable "
                        + "AUTHLETE_SERVICE_AUTHENTICATION_CALLBACK_API_SECRET is not set");

        CliHarness.Result noService = new CliHarness()
                .env("AUTHLETE_BEARER", TOKEN)
                .run("diff", "--dir", dir.toString(), "--server-url", fake.url());
        assertThat(noService.exitCode()).isEqualTo(2);
        assertThat(noService.err()).contains("no service id");

        CliHarness.Result noToken = new CliHarness()
                .env("AUTHLETE_SERVICE_ID", SERVICE_ID)
                .run("export", "--dir", dir.toString(), "--server-url", fake.url());
        assertThat(noToken.exitCode()).as(noToken.err()).isEqualTo(ExitCode.NOT_AUTHENTICATED.status());

        // 1 is kept for "different": an API error that exits 1 elsewhere exits 2 from diff.
        edit(dir.resolve("clients/web-app.yaml"), "clientType: SECRETIVE", "clientType: CONFIDENTIAL");
        fake.failNext("/service/get");
        CliHarness.Result failed = run(cli(), dir, "diff");
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("A999999");

        CliHarness.Result noDir = cli().run("diff", "--server-url", fake.url());
        assertThat(noDir.exitCode()).isEqualTo(2);
        assertThat(noDir.err()).contains("--dir");
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminal() throws Exception {
        Path dir = exported();
        edit(dir.resolve("clients/web-app.yaml"), "clientType: CONFIDENTIAL", "clientType: PUBLIC");
        assertThat(run(cli(), dir, "diff").out()).doesNotContain("\u001b[");
        assertThat(run(cli(), dir, "diff", "--color", "always").out())
                .contains("\u001b[33m~ clientType: CONFIDENTIAL -> PUBLIC\u001b[0m");
        assertThat(run(cli().terminalOutput(), dir, "diff").out()).contains("\u001b[33m");
        assertThat(run(cli().terminalOutput().env("NO_COLOR", "1"), dir, "diff").out())
                .doesNotContain("\u001b[");
    }
}
