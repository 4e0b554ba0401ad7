package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.core.testing.PrismServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the catalog, through the real launcher, against Prism mocking the real OpenAPI description:
 * Prism validates each request against the spec and reports any violation in the {@code sl-violations}
 * response header, which {@code --debug} prints. Needs {@value Peers#OPENAPI} and {@value Peers#PRISM}.
 */
class ContractIT {

    private static PrismServer prism;
    private static SpecExamples examples;

    @TempDir
    static Path bodies;

    @BeforeAll
    static void startPrism() throws Exception {
        Path spec = Peers.openApi();
        Path executable = Peers.prism();
        examples = new SpecExamples(new YAMLMapper().readTree(spec.toFile()));
        prism = PrismServer.start(executable, spec);
    }

    @AfterAll
    static void stopPrism() throws Exception {
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void everyCommandPassesPrismValidation() throws Exception {
        List<Operation> operations = Catalog.standard().operations();
        assertThat(operations).hasSize(84);
        assertThat(rejectedByPrism(operations, ContractIT::argumentsFor, Operation::command))
                .as("commands Prism did not accept")
                .isEmpty();
    }

    @Test
    void everyJsonEndpointPassesPrismValidationThroughApi() throws Exception {
        List<Operation> operations = Catalog.standard().operations().stream()
                .filter(operation ->
                        operation.body() == null || !operation.body().isForm())
                .toList();
        assertThat(operations).hasSizeGreaterThan(70);
        assertThat(rejectedByPrism(
                        operations,
                        ContractIT::apiArgumentsFor,
                        operation -> "api " + operation.method() + " " + operation.path()))
                .as("api calls Prism did not accept")
                .isEmpty();
    }

    /** Arguments of one launcher run per operation. */
    @FunctionalInterface
    private interface Arguments {
        List<String> of(Operation operation) throws Exception;
    }

    /**
     * Runs the launcher once per operation (three at a time) and lists, under {@code label}, each run that did not
     * exit 0 with a 2xx answer and no request violation from Prism.
     */
    private static List<String> rejectedByPrism(
            List<Operation> operations, Arguments arguments, Function<Operation, String> label) throws Exception {
        Map<String, LauncherProcess.Result> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Operation operation : operations) {
                runs.add(pool.submit(() -> {
                    List<String> args = new ArrayList<>(arguments.of(operation));
                    if (operation.destructive()) {
                        args.add("--yes"); // nobody to ask: a destructive command runs only when told to
                    }
                    results.put(operation.command(), LauncherProcess.run(Map.of(), null, args));
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            LauncherProcess.Result result = results.get(operation.command());
            if (result.exitCode() != 0
                    || !requestViolations(result.err()).isEmpty()
                    || !result.err().contains("< HTTP 2")) {
                failures.add(label.apply(operation) + " -> exit " + result.exitCode() + "\n" + result.err());
            }
        }
        return failures;
    }

    @Test
    void apiRendersPagesAndFiltersLikeTheCatalogCommands() throws Exception {
        Map<String, String> env = Map.of("AUTHLETE_BEARER", "test-token");
        LauncherProcess.Result viaApi = LauncherProcess.run(
                env,
                null,
                List.of(
                        "api",
                        "GET",
                        "/api/1/client/get/list?start=0&end=5",
                        "--server-url",
                        prism.url(),
                        "-F",
                        "json",
                        "--jq",
                        ".clients[].clientId"));
        LauncherProcess.Result viaCommand = LauncherProcess.run(
                env,
                null,
                List.of(
                        "client",
                        "list",
                        "--service-id",
                        "1",
                        "--server-url",
                        prism.url(),
                        "-F",
                        "json",
                        "--jq",
                        ".clients[].clientId"));
        assertThat(viaApi.exitCode()).as(viaApi.err()).isZero();
        assertThat(viaApi.out()).isNotBlank().isEqualTo(viaCommand.out());

        LauncherProcess.Result pages = LauncherProcess.run(
                env,
                null,
                List.of(
                        "api",
                        "GET",
                        "/api/1/client/get/list",
                        "--paginate",
                        "--server-url",
                        prism.url(),
                        "-F",
                        "json"));
        assertThat(pages.exitCode()).as(pages.err()).isZero();
        assertThat(pages.out().lines())
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(JSON.readTree(line).has("clientId")).isTrue());

        LauncherProcess.Result notAList = LauncherProcess.run(
                env, null, List.of("api", "POST", "/api/1/client/create", "--paginate", "--server-url", prism.url()));
        assertThat(notAList.exitCode()).isEqualTo(2);
        assertThat(notAList.err()).startsWith("error: --paginate works for GET requests of list endpoints");

        LauncherProcess.Result unknown = LauncherProcess.run(
                env, null, List.of("api", "GET", "/api/no/such/endpoint", "--server-url", prism.url()));
        assertThat(unknown.exitCode()).isEqualTo(5);
    }

    @Test
    void aMissingRequiredQueryParameterIsAUsageErrorBeforeAnyRequest() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of(),
                null,
                List.of(
                        "client",
                        "management",
                        "list-authorized-applications",
                        "--service-id",
                        "1",
                        "--server-url",
                        prism.url(),
                        "--bearer",
                        "test-token",
                        "--debug"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("error: missing required flag --subject")
                .doesNotContain("> GET");
    }

    @Test
    void aMalformedIntegerIsAUsageError() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of(),
                null,
                List.of(
                        "client",
                        "list",
                        "--service-id",
                        "1",
                        "--start",
                        "zero",
                        "--server-url",
                        prism.url(),
                        "--bearer",
                        "t"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --start expects an integer, got 'zero'\n");
    }

    @Test
    void aBodyOfTheWrongTypeIsRejectedByTheApiAndReportedWithExitOne() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of(),
                null,
                List.of(
                        "authorization",
                        "process-request",
                        "--service-id",
                        "1",
                        "--body",
                        "{\"parameters\":5}",
                        "--server-url",
                        prism.url(),
                        "--bearer",
                        "test-token",
                        "--debug"));

        assertThat(requestViolations(result.err()))
                .anySatisfy(violation -> assertThat(violation).contains("parameters"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutAnyTokenTheCommandStopsWithExitThree() throws Exception {
        LauncherProcess.Result result =
                LauncherProcess.run(Map.of(), null, List.of("service", "list", "--server-url", prism.url()));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .isEqualTo("error: no API token: run 'authlete auth login', pass --bearer or set AUTHLETE_BEARER\n");
    }

    @Test
    void serviceListPrintsTheMockedJson() throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(
                Map.of("AUTHLETE_BEARER", "test-token"), null, List.of("service", "list", "--server-url", prism.url()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("{\"start\":0,\"end\":5,\"totalCount\":1,\"services\":[");
    }

    @Test
    void everyFormatRendersRealResponses() throws Exception {
        Map<String, String> env = Map.of("AUTHLETE_BEARER", "test-token");
        List<String> list = List.of("client", "list", "--service-id", "1", "--server-url", prism.url());
        String json = LauncherProcess.run(env, null, list).out();
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.path("clients").isArray()).isTrue();

        LauncherProcess.Result yaml = LauncherProcess.run(env, null, with(list, "-F", "yaml"));
        assertThat(yaml.exitCode()).isZero();
        assertThat(new YAMLMapper().readTree(yaml.out()))
                .isEqualTo(new YAMLMapper().readTree(JSON.writeValueAsString(tree)));

        LauncherProcess.Result toon =
                LauncherProcess.run(env, null, with(list, "-F", "toon", "--fields", "clientId,clientName"));
        assertThat(toon.out())
                .contains("clients[" + tree.path("clients").size() + "]{clientId,clientName}:")
                .contains("  " + tree.path("clients").get(0).path("clientId").asText() + ",");

        LauncherProcess.Result table =
                LauncherProcess.run(env, null, with(list, "-F", "table", "--fields", "clientId,clientName"));
        assertThat(table.out().lines().findFirst())
                .hasValueSatisfying(header -> assertThat(header).matches("clientId\\s+clientName"));
        assertThat(table.out().lines().count())
                .isEqualTo(1 + tree.path("clients").size());

        LauncherProcess.Result pretty = LauncherProcess.run(env, null, with(list, "-F", "pretty"));
        assertThat(pretty.out()).contains("clients:\n  - ").doesNotContain("\u001b[");

        LauncherProcess.Result jq = LauncherProcess.run(env, null, with(list, "--jq", ".clients[0].clientName"));
        assertThat(jq.out())
                .isEqualTo(JSON.writeValueAsString(tree.path("clients").get(0).path("clientName")) + "\n");

        LauncherProcess.Result all = LauncherProcess.run(env, null, with(list, "--all", "-F", "json"));
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines())
                .hasSizeGreaterThanOrEqualTo(tree.path("clients").size());
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return args;
    }

    /**
     * The violations Prism found in our request. Prism also checks its own response against the description,
     * whose examples disagree with their schemas in places (service get, userinfo process, federation
     * registration); those are about the description, not about what we sent, so they are left out.
     */
    static List<String> requestViolations(String debugOutput) throws Exception {
        List<String> found = new ArrayList<>();
        for (String line : debugOutput.split("\n")) {
            if (line.startsWith("< sl-violations: ")) {
                for (JsonNode violation : JSON.readTree(line.substring("< sl-violations: ".length()))) {
                    if (!"response".equals(violation.path("location").path(0).asText())) {
                        found.add(violation.toString());
                    }
                }
            }
        }
        return found;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> argumentsFor(Operation operation) throws Exception {
        List<String> args = new ArrayList<>(operation.words());
        for (Field parameter : operation.pathParameters()) {
            args.add("--" + parameter.flag());
            args.add("1");
        }
        for (Field parameter : operation.queryParameters()) {
            if (parameter.required()) {
                args.add("--" + parameter.flag());
                args.add(sample(parameter));
            }
        }
        if (operation.body() != null) {
            JsonNode body = examples.jsonBody(operation.method(), operation.path());
            if (operation.body().isForm()) {
                // Prism reads form arrays qs-style; scalar fields, given as flags, avoid that disagreement.
                for (Map.Entry<String, JsonNode> field :
                        SpecExamples.scalars(body).entrySet()) {
                    Field spec = operation.bodyFields().stream()
                            .filter(f -> f.name().equals(field.getKey()))
                            .findFirst()
                            .orElseThrow();
                    args.add("--" + spec.flag());
                    args.add(field.getValue().asText());
                }
                if (operation.replacesWholeObject()) {
                    // A partial update would send the current object's arrays as well (the JSON twin checks that path).
                    args.add("--replace");
                }
            } else {
                Path file = Files.createTempFile(bodies, "body", ".json");
                Files.writeString(file, body.toString());
                args.add("--body");
                args.add("@" + file);
            }
        }
        args.addAll(List.of("--server-url", prism.url(), "--bearer", "test-token", "--debug"));
        return args;
    }

    /** The same request as {@link #argumentsFor} for the catalog command, spelled as {@code authlete api METHOD PATH}. */
    private static List<String> apiArgumentsFor(Operation operation) throws Exception {
        String path = operation.path().replaceAll("\\{[^}]+}", "1");
        List<String> query = new ArrayList<>();
        for (Field parameter : operation.queryParameters()) {
            if (parameter.required()) {
                query.add(parameter.name() + "=" + sample(parameter));
            }
        }
        List<String> args = new ArrayList<>(
                List.of("api", operation.method(), path + (query.isEmpty() ? "" : "?" + String.join("&", query))));
        if (operation.body() != null) {
            Path file = Files.createTempFile(bodies, "api-body", ".json");
            Files.writeString(
                    file,
                    examples.jsonBody(operation.method(), operation.path()).toString());
            args.add("--body");
            args.add("@" + file);
        }
        args.addAll(List.of("--server-url", prism.url(), "--bearer", "test-token", "--debug"));
        return args;
    }

    private static String sample(Field parameter) {
        return switch (parameter.type()) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "alice";
        };
    }
}
