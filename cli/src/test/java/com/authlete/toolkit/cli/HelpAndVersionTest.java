package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @Test
    void rootHelpListsGroupsGlobalFlagsAndExitCodes() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}}) {
            CliHarness.Result result = new CliHarness().run(args);
            assertThat(result.exitCode()).isZero();
            assertThat(result.out())
                    .contains(
                            "Usage:",
                            "Groups and commands:",
                            "client",
                            "verifiable-credentials",
                            "--server-url",
                            "--bearer",
                            "Exit codes:",
                            "8    network failure",
                            "Examples:",
                            "-F, --output-format",
                            "-o, --output-file",
                            "-r, --raw",
                            "-V, --version");
        }
    }

    @Test
    void rootHelpDescribesEveryCommandAndListsGroupsWhole() {
        CliHarness.Result result = new CliHarness().env("COLUMNS", "70").run("--help");
        String out = result.out();
        for (String word : new String[] {"api", "completion", "configure", "link"}) {
            assertThat(out.lines()
                            .filter(line -> line.startsWith("  " + word + " "))
                            .findFirst()
                            .orElseThrow())
                    .as(word)
                    .matches("  " + word + " +\\S.*");
        }
        assertThat(out).doesNotContain("bat...").contains("deferred-issue").doesNotContain("\u26a1");
        assertThat(out.lines())
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(70));
        assertThat(new CliHarness().run("client", "--help").out())
                .contains(
                        "Update Client (JSON body)",
                        "Update Client (form-encoded body)",
                        "Delete Client (asks first)",
                        "--yes skips")
                .doesNotContain("\u26a1");
    }

    @Test
    void groupHelpListsCommandsAndSubgroups() {
        CliHarness.Result result = new CliHarness().run("client", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(
                        "Usage: authlete client <command>",
                        "create",
                        "Create Client",
                        "update-form",
                        "Subgroups:",
                        "management");

        assertThat(new CliHarness().run("client", "management").out())
                .contains("refresh-secret", "list-authorized-applications");
    }

    @Test
    void commandHelpShowsAllWordsParametersAndBodyFieldsWithTypesAndEnums() {
        CliHarness.Result result = new CliHarness().run("client", "create", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("authlete client create - Create Client")
                .contains("--service-id <string>", "Path parameter serviceId: string. Required.")
                .contains("--client-name <string>", "Body field clientName: string.")
                .contains("--client-type <PUBLIC|CONFIDENTIAL>")
                .contains("--grant-types <value>", "array of string; repeat the flag once per")
                .contains("--default-max-age <integer>")
                .contains("--bearer <token>", "POST /api/{serviceId}/client/create");
        assertThat(new CliHarness().run("help", "client", "create").out()).isEqualTo(result.out());
    }

    @Test
    void versionNamesTheApiVersionOfTheCatalog() {
        CliHarness.Result result = new CliHarness().run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("authlete \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Authlete API 3\\.0\\.16\\)\\n");
        assertThat(new CliHarness().run("-V").out()).isEqualTo(result.out());
        assertThat(new CliHarness().run("version").out()).isEqualTo(result.out());
    }

    /** Own flags first; then only the global flags that mean something for this command, under a heading. */
    @Test
    void commandHelpListsOnlyTheFlagsThatApply() {
        String get = new CliHarness().run("client", "get", "--help").out();
        String own = get.substring(0, get.indexOf("INHERITED FLAGS"));
        String inherited = get.substring(get.indexOf("INHERITED FLAGS"));
        assertThat(own).contains("--client-id").doesNotContain("--bearer");
        assertThat(inherited)
                .contains("--bearer <token>", "--jq <program>", "--dry-run")
                .doesNotContain("--all\n", "--body", "--merge", "--replace", "--yes");

        String delete = new CliHarness().run("client", "delete", "--help").out();
        assertThat(delete.substring(delete.indexOf("INHERITED FLAGS"))).contains("--yes");
        String list = new CliHarness().run("client", "list", "--help").out();
        assertThat(list.substring(list.indexOf("INHERITED FLAGS"))).contains("--all", "--page-size");
        String update = new CliHarness().run("client", "update", "--help").out();
        assertThat(update.substring(update.indexOf("INHERITED FLAGS"))).contains("--merge", "--replace", "--body");

        String create = new CliHarness().run("client", "create", "--help").out();
        assertThat(create).as("fields only the server sets").doesNotContain("--created-at", "--client-secret <");
    }
}
