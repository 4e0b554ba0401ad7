package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every problem in a file is one line naming the file and the place in it. */
class BadFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field, suggested  | redirectUri: [https://a]                 | clients/web.yaml: redirectUri: unknown field of a client (did you mean redirectUris?)
            unknown field             | colour: blue                              | clients/web.yaml: colour: unknown field of a client
            wrong type, list          | redirectUris: https://a                   | clients/web.yaml: redirectUris: expected a list, got a string
            wrong item type           | redirectUris: [https://a, 7]              | clients/web.yaml: redirectUris[1]: expected a string, got a number (quote it)
            wrong type, integer       | defaultMaxAge: soon                       | clients/web.yaml: defaultMaxAge: expected an integer, got a string
            not a whole number        | defaultMaxAge: 1.5                        | clients/web.yaml: defaultMaxAge: expected an integer, got 1.5
            wrong type, boolean       | pkceRequired: maybe                       | clients/web.yaml: pkceRequired: expected true or false, got a string
            enum                      | clientType: SECRETIVE                     | clients/web.yaml: clientType: 'SECRETIVE' is not one of PUBLIC, CONFIDENTIAL
            enum in a list            | grantTypes: [AUTHORIZATION_CODE, MAGIC]   | clients/web.yaml: grantTypes[1]: 'MAGIC' is not one of AUTHORIZATION_CODE, IMPLICIT, PASSWORD, CLIENT_CREDENTIALS, REFRESH_TOKEN, CIBA, DEVICE_CODE, TOKEN_EXCHANGE, JWT_BEARER, PRE_AUTHORIZED_CODE
            nested unknown field      | 'extension: {accessTokenDurations: 5}'    | clients/web.yaml: extension.accessTokenDurations: unknown field of extension (did you mean accessTokenDuration?)
            nested wrong type         | 'attributes: [{key: a, value: [1]}]'      | clients/web.yaml: attributes[0].value: expected a string, got a list
            server-set field          | clientSecret: abc                         | clients/web.yaml: clientSecret: set by the server, not by a file; remove it
            unset variable            | 'tosUri: https://${env:NO_SUCH_VARIABLE}/tos' | clients/web.yaml: tosUri: environment variable NO_SUCH_VARIABLE is not set
            not a mapping             | '- a list'                                | clients/web.yaml: expected a mapping of client fields, got a list
            """)
    void oneLineNamingTheFileAndThePath(String problem, String yaml, String message) throws Exception {
        Files.createDirectories(dir.resolve("clients"));
        Files.writeString(dir.resolve("clients/web.yaml"), "clientName: Web\n" + yaml.replace("\\n", "\n") + "\n");
        if (yaml.startsWith("- ")) {
            Files.writeString(dir.resolve("clients/web.yaml"), yaml + "\n");
        }
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalidYamlAndDuplicateKeysNameTheLine() throws Exception {
        Files.createDirectories(dir.resolve("clients"));
        Files.writeString(dir.resolve("clients/web.yaml"), "clientName: Web\nredirectUris: [https://a\n");
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("clients/web.yaml: not valid YAML (line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Files.writeString(dir.resolve("clients/web.yaml"), "clientName: Web\nclientName: Other\n");
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("clients/web.yaml: not valid YAML (line 2)")
                .hasMessageContaining("clientName");
    }

    @Test
    void referencesAreReplacedAndTypedByTheSchema() throws Exception {
        Files.createDirectories(dir.resolve("clients"));
        Files.writeString(dir.resolve("clients/web.yaml"), """
                clientName: Web ${env:STAGE}
                defaultMaxAge: ${env:MAX_AGE}
                pkceRequired: '${env:PKCE}'
                description: costs $${env:PRICE} literally
                """);
        DesiredState state = DesiredState.read(dir, Map.of("STAGE", "staging", "MAX_AGE", "300", "PKCE", "true"));
        var body = state.clients().get(0).body();
        assertThat(body.path("clientName").asText()).isEqualTo("Web staging");
        assertThat(body.path("defaultMaxAge").isIntegralNumber()).isTrue();
        assertThat(body.path("defaultMaxAge").asInt()).isEqualTo(300);
        assertThat(body.path("pkceRequired").isBoolean()).isTrue();
        assertThat(body.path("description").asText()).isEqualTo("costs ${env:PRICE} literally");
    }

    @Test
    void twoFilesForOneClientAndAMissingDirectoryAreErrors() throws Exception {
        Files.createDirectories(dir.resolve("clients"));
        Files.writeString(dir.resolve("clients/a.yaml"), "clientId: 12\nclientName: A\n");
        Files.writeString(dir.resolve("clients/b.yaml"), "clientId: 12\nclientName: B\n");
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                .hasMessage("clients/b.yaml: clientId: client 12 is also described by clients/a.yaml");
        assertThatThrownBy(() -> DesiredState.read(dir.resolve("missing"), Map.of()))
                .hasMessage(dir.resolve("missing") + ": no such directory");
    }

    /** Each hostile file is refused as a bad file (exit 2 in the CLI), at once: nothing blocks or eats memory. */
    @Test
    void onlyRegularFilesOfBoundedSizeAndDepthWithoutAliasesAreRead() throws Exception {
        Path clients = Files.createDirectories(dir.resolve("clients"));
        Path folder = Files.createDirectory(clients.resolve("folder.yaml"));
        assertRefused("clients/folder.yaml: not a regular file (a folder, a device or a pipe); only files are read");
        Files.delete(folder);

        Path fifo = clients.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        // A read would block until a writer came: the preemptive limit turns that hang into a failure.
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertRefused(
                        "clients/pipe.yaml: not a regular file (a folder, a device or a pipe); only files are read"));
        Files.delete(fifo);
        Files.createSymbolicLink(clients.resolve("tty.yaml"), Path.of("/dev/null"));
        assertRefused("clients/tty.yaml: not a regular file (a folder, a device or a pipe); only files are read");
        Files.delete(clients.resolve("tty.yaml"));

        Path big = Files.writeString(
                clients.resolve("big.yaml"), "clientName: Web\ndescription: " + "x".repeat(1_100_000) + "\n");
        assertRefused("clients/big.yaml: the file holds " + Files.size(big)
                + " bytes; a configuration file may hold at most 1048576 (1 MiB)");
        Files.delete(big);

        Path deep = Files.writeString(
                clients.resolve("deep.yaml"),
                "clientName: Web\nextension: " + "{a: ".repeat(20_000) + "1" + "}".repeat(20_000) + "\n");
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("clients/deep.yaml: not valid YAML (line 2)");
        Files.delete(deep);

        for (String aliased : new String[] {
            "clientName: &n Web\ndescription: *n\n",
            "clientName: Web\nredirectUris: [&u 'https://a/cb', *u]\n",
            "base: &b {clientName: Web}\nclientName: x\n<<: *b\n"
        }) {
            Files.writeString(clients.resolve("alias.yaml"), aliased);
            assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                    .as(aliased)
                    .isInstanceOf(ConfigFileException.class)
                    .hasMessageContaining("clients/alias.yaml: not valid YAML (line ")
                    .hasMessageContaining("an alias (*");
        }
    }

    @Test
    void theToolkitsOwnCredentialsCannotBeReferredTo() throws Exception {
        Path clients = Files.createDirectories(dir.resolve("clients"));
        Map<String, String> environment = Map.of(
                "AUTHLETE_BEARER", "bearer-token-value-123", "AUTHLETE_CLIENT_SECRET", "oauth-client-secret-456");
        for (String[] variant : new String[][] {
            {"clients/web.yaml", "clientName: ${env:AUTHLETE_BEARER}\n", "clientName", "AUTHLETE_BEARER"},
            {
                "clients/web.yaml",
                "clientName: Web\ntosUri: https://x/${env:AUTHLETE_CLIENT_SECRET}\n",
                "tosUri",
                "AUTHLETE_CLIENT_SECRET"
            },
            {
                "clients/web.yaml",
                "clientName: Web\nextension: {accessTokenDuration: '${env:AUTHLETE_BEARER}'}\n",
                "extension.accessTokenDuration",
                "AUTHLETE_BEARER"
            },
            {"service.yaml", "serviceName: ${env:AUTHLETE_BEARER}\n", "serviceName", "AUTHLETE_BEARER"}
        }) {
            Files.deleteIfExists(dir.resolve("service.yaml"));
            Files.deleteIfExists(clients.resolve("web.yaml"));
            Files.writeString(dir.resolve(variant[0]), variant[1]);
            assertThatThrownBy(() -> DesiredState.read(dir, environment))
                    .as(variant[1])
                    .isInstanceOf(ConfigFileException.class)
                    .hasMessage(variant[0] + ": " + variant[2] + ": ${env:" + variant[3]
                            + "} names the toolkit's own credential; a configuration file may not read it")
                    .hasMessageNotContaining("bearer-token-value-123")
                    .hasMessageNotContaining("oauth-client-secret-456");
        }
    }

    @Test
    void aBadValueFromTheEnvironmentIsNotShownInTheError() throws Exception {
        Files.createDirectories(dir.resolve("clients"));
        Files.writeString(dir.resolve("clients/web.yaml"), "clientName: Web\nclientType: ${env:KIND}\n");
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of("KIND", "hunter2-kind")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage("clients/web.yaml: clientType: '[REDACTED]' is not one of PUBLIC, CONFIDENTIAL");
    }

    private void assertRefused(String message) {
        assertThatThrownBy(() -> DesiredState.read(dir, Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(message);
    }
}
