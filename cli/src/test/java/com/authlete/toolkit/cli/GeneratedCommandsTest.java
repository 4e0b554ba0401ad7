package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.cli.generated.CommandIndex;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.github.rvesse.airline.SingleCommand;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.model.CommandMetadata;
import com.github.rvesse.airline.model.OptionMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated command classes agree with the catalog, and Airline accepts every one of them. */
class GeneratedCommandsTest {

    private static final Catalog CATALOG = Catalog.standard();

    @Test
    void everyCatalogOperationHasOneCommandClassAndViceVersa() {
        assertThat(CommandIndex.COMMANDS.stream().map(CommandEntry::words).toList())
                .containsExactlyElementsOf(
                        CATALOG.operations().stream().map(Operation::command).toList());
        assertThat(CommandIndex.COMMANDS).hasSize(84);
        assertThat(CommandIndex.COMMANDS).allSatisfy(entry -> {
            assertThat(CommandIndex.commandClass(entry.words())).isNotNull();
            assertThat(entry.destructive())
                    .isEqualTo(CATALOG.operation(entry.words()).destructive());
        });
        assertThat(CommandIndex.commandClass("client frobnicate")).isNull();
    }

    @Test
    void airlineLoadsEveryCommandWithExactlyTheCatalogFlagsPlusTheGlobalOnes() throws Exception {
        Set<String> global = globalFlags();
        for (CommandEntry row : CommandIndex.COMMANDS) {
            Operation operation = CATALOG.operation(row.words());
            // Loading the metadata is what fails on duplicate option names.
            CommandMetadata metadata = SingleCommand.singleCommand(CommandIndex.commandClass(row.words()))
                    .getCommandMetadata();
            Set<String> flags = metadata.getAllOptions().stream()
                    .flatMap(option -> option.getOptions().stream())
                    .collect(Collectors.toSet());
            Set<String> expected = Stream.concat(operation.parameters().stream(), operation.bodyFields().stream())
                    .map(field -> "--" + field.flag())
                    .collect(Collectors.toCollection(HashSet::new));
            expected.addAll(global);
            expected.addAll(List.of("-F", "-o", "-h", "-r"));
            expected.add("--help");
            assertThat(flags).as("flags of %s", row.words()).isEqualTo(expected);
            assertThat(((OperationCommand) CommandIndex.commandClass(row.words())
                                    .getDeclaredConstructor()
                                    .newInstance())
                            .command())
                    .isEqualTo(row.words());
        }
    }

    /** The help examples name real commands and only flags those commands have. */
    @Test
    void everyExampleUsesACommandAndItsFlags() throws Exception {
        List<String> rows = Files.readAllLines(Path.of(
                        "../build-tools/src/main/resources/com/authlete/toolkit/buildtools/command-examples.tsv"))
                .stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            String[] columns = row.split("\t", 2);
            assertThat(columns[1]).startsWith("authlete " + columns[0] + " ");
            CommandMetadata metadata = SingleCommand.singleCommand(CommandIndex.commandClass(columns[0]))
                    .getCommandMetadata();
            Set<String> flags = metadata.getAllOptions().stream()
                    .flatMap(option -> option.getOptions().stream())
                    .collect(Collectors.toSet());
            for (String word : columns[1].split("\\s+")) {
                if (word.startsWith("-")) {
                    assertThat(flags).as("%s in '%s'", word, columns[1]).contains(word);
                }
            }
        }
        assertThat(new CliHarness().run("client", "create", "--help").out())
                .contains("Example: authlete client create --body @client.json");
    }

    @Test
    void theCliKeepsItsOwnFlagsSoNoOperationInputCanShadowThem() {
        Set<String> reserved =
                CommandIndex.CLI_FLAGS.stream().map(flag -> "--" + flag).collect(Collectors.toSet());
        assertThat(reserved).containsAll(globalFlags()).contains("--help", "--version");
        for (Operation operation : CATALOG.operations()) {
            for (Field field : operation.parameters()) {
                assertThat(reserved)
                        .as("%s parameter %s", operation.command(), field.name())
                        .doesNotContain("--" + field.flag());
            }
            for (Field field : operation.bodyFields()) {
                String flag = "--" + CommandIndex.flag(field.flag());
                assertThat(reserved)
                        .as("%s body field %s", operation.command(), field.name())
                        .doesNotContain(flag);
            }
        }
        // A catalog flag that is one of the CLI's own is moved aside.
        assertThat(CommandIndex.flag("debug")).isEqualTo("body-debug");
        assertThat(CommandIndex.flag("client-name")).isEqualTo("client-name");
    }

    @Test
    void metadataListsOptionTypesForHelp() throws Exception {
        CommandMetadata metadata = SingleCommand.singleCommand(CommandIndex.commandClass("client create"))
                .getCommandMetadata();
        OptionMetadata clientType = metadata.getAllOptions().stream()
                .filter(option -> option.getOptions().contains("--client-type"))
                .findFirst()
                .orElseThrow();
        assertThat(clientType.getTitle()).isEqualTo("PUBLIC|CONFIDENTIAL");
        assertThat(clientType.getDescription()).contains("clientType", "PUBLIC, CONFIDENTIAL");
    }

    private static Set<String> globalFlags() {
        return Stream.concat(
                        Arrays.stream(GlobalOptions.class.getDeclaredFields()),
                        Arrays.stream(NetworkOptions.class.getDeclaredFields()))
                .map(field -> field.getAnnotation(Option.class))
                .filter(o -> o != null)
                .flatMap(o -> List.of(o.name()).stream())
                .filter(name -> name.startsWith("--"))
                .collect(Collectors.toSet());
    }
}
