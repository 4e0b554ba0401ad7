package com.authlete.toolkit.cli.completion;

import com.authlete.toolkit.cli.CommandEntry;
import com.authlete.toolkit.cli.CommandTable;
import com.authlete.toolkit.cli.TopLevelFlags;
import com.authlete.toolkit.cli.generated.CommandIndex;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.credentials.ServerChoice;
import com.authlete.toolkit.render.ColorChoice;
import com.authlete.toolkit.render.OutputFormat;
import com.github.rvesse.airline.SingleCommand;
import com.github.rvesse.airline.model.OptionMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What shells complete, taken from the same Airline metadata that parses the command line and from the catalog
 * (enum values): every command's words and flags, which flags take a value, their allowed values, and which
 * take file names.
 */
public record CompletionModel(List<Command> commands) {

    /** A flag: its names ({@code --client-type}, or {@code -o}), whether it takes a value, what values. */
    public record Flag(List<String> names, boolean takesValue, List<String> values, boolean file) {}

    public record Command(String words, String summary, List<Flag> flags) {}

    /** The key of the top level (before any command word) in the flag and value tables. */
    public static final String TOP = ".";

    /** What the positional argument of a command completes to. */
    static final Map<String, List<String>> ARGUMENTS = Map.of(
            "completion", List.of("bash", "fish", "powershell", "zsh"),
            "api", List.of("DELETE", "GET", "PATCH", "POST", "PUT"));

    /** Flags whose value is a file name ({@code --body} only after {@code @}). */
    static final Set<String> FILE_FLAGS = Set.of("-o", "--output-file", "--token-file", "--ca-cert", "--body");

    /**
     * @param table the commands (operation commands and built-in commands) and their classes
     */
    public static CompletionModel build(CommandTable table, Catalog catalog) {
        List<Command> commands = new ArrayList<>();
        List<CommandEntry> rows = new ArrayList<>();
        // The flags that may come before the command words (they apply to whichever command follows).
        rows.add(new CommandEntry(TOP, "", false));
        rows.addAll(table.commands());
        for (CommandEntry row : rows) {
            Map<String, List<String>> enums = new LinkedHashMap<>();
            catalog.find(row.words())
                    .filter(op -> op.command().equals(row.words()))
                    .ifPresent(op -> enumValues(op, enums));
            enums.put(
                    "--output-format",
                    Arrays.stream(OutputFormat.values())
                            .map(f -> f.name().toLowerCase(Locale.ROOT))
                            .toList());
            enums.put("-F", enums.get("--output-format"));
            enums.put(
                    "--color",
                    Arrays.stream(ColorChoice.values())
                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                            .toList());
            enums.put("--server", ServerChoice.names(catalog.servers()));
            List<Flag> flags = new ArrayList<>();
            Class<?> type = row.words().equals(TOP) ? TopLevelFlags.class : table.commandClass(row.words());
            for (OptionMetadata option :
                    SingleCommand.singleCommand(type).getCommandMetadata().getAllOptions()) {
                List<String> names = option.getOptions().stream()
                        .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                        .toList();
                boolean takesValue = option.getArity() > 0;
                List<String> values = names.stream()
                        .map(enums::get)
                        .filter(v -> v != null)
                        .findFirst()
                        .orElse(List.of());
                boolean file = names.stream().anyMatch(FILE_FLAGS::contains);
                flags.add(new Flag(names, takesValue, values, file));
            }
            flags.sort((a, b) -> a.names().get(0).compareTo(b.names().get(0)));
            commands.add(new Command(row.words(), row.summary(), flags));
        }
        return new CompletionModel(commands);
    }

    private static void enumValues(Operation operation, Map<String, List<String>> enums) {
        Stream.concat(operation.parameters().stream(), operation.bodyFields().stream())
                .forEach(field -> {
                    if (!field.enumValues().isEmpty()) {
                        enums.put("--" + CommandIndex.flag(field.flag()), field.enumValues());
                    } else if ("boolean".equals(field.valueType())) {
                        enums.put("--" + CommandIndex.flag(field.flag()), List.of("true", "false"));
                    }
                });
    }

    /** Word prefix ("" before the first word) to the words that may follow it, space-separated. */
    public Map<String, String> nextTable() {
        Map<String, String> table = new LinkedHashMap<>();
        prefixes().forEach(prefix -> table.put(prefix, String.join(" ", nextWords(prefix))));
        return table;
    }

    /** Command words to what their positional argument completes to (a shell name, an HTTP method). */
    public Map<String, String> argumentTable() {
        Map<String, String> table = new LinkedHashMap<>();
        ARGUMENTS.keySet().stream()
                .sorted()
                .forEach(command -> table.put(command, String.join(" ", ARGUMENTS.get(command))));
        return table;
    }

    /** Every flag name that takes a value in some command, space-separated: completion skips the value too. */
    public String valuedFlags() {
        return String.join(
                " ",
                commands.stream()
                        .flatMap(command -> command.flags().stream())
                        .filter(Flag::takesValue)
                        .flatMap(flag -> flag.names().stream())
                        .distinct()
                        .sorted()
                        .toList());
    }

    /** Command words ({@value #TOP} for the top level) to all of the command's flag names, space-separated. */
    public Map<String, String> flagTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (Command command : commands) {
            table.put(
                    command.words(),
                    String.join(
                            " ",
                            command.flags().stream()
                                    .flatMap(flag -> flag.names().stream())
                                    .toList()));
        }
        return table;
    }

    /**
     * {@code "<command words> <flag>"} to what its value completes to, for flags that take one: {@value #FILE}
     * (a file name), {@value #ANY} (nothing to offer), or the allowed values, space-separated.
     */
    public Map<String, String> valueTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (Command command : commands) {
            for (Flag flag : command.flags()) {
                if (flag.takesValue()) {
                    String kind = flag.file() ? FILE : flag.values().isEmpty() ? ANY : String.join(" ", flag.values());
                    flag.names().forEach(name -> table.put(command.words() + " " + name, kind));
                }
            }
        }
        return table;
    }

    /** In {@link #valueTable()}: complete a file name. */
    public static final String FILE = "@file";
    /** In {@link #valueTable()}: any text, nothing to offer. */
    public static final String ANY = "@any";

    /** The words that may follow a prefix of command words ("" for the first word). */
    public List<String> nextWords(String prefix) {
        List<String> next = new ArrayList<>();
        String start = prefix.isEmpty() ? "" : prefix + " ";
        for (Command command : commands) {
            if (!command.words().equals(TOP) && command.words().startsWith(start)) {
                String rest = command.words().substring(start.length());
                String word = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
                if (!word.isEmpty() && !next.contains(word)) {
                    next.add(word);
                }
            }
        }
        next.sort(String::compareTo);
        return next;
    }

    /** Every prefix of command words that has further words ("" included). */
    public List<String> prefixes() {
        List<String> prefixes = new ArrayList<>();
        prefixes.add("");
        for (Command command : commands) {
            if (command.words().equals(TOP)) {
                continue;
            }
            String[] words = command.words().split(" ");
            for (int n = 1; n < words.length; n++) {
                String prefix = String.join(" ", Arrays.asList(words).subList(0, n));
                if (!prefixes.contains(prefix)) {
                    prefixes.add(prefix);
                }
            }
        }
        return prefixes;
    }
}
