package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.CommandEntry;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.GlobalOptions;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.generated.CommandIndex;
import com.github.rvesse.airline.annotations.Option;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The root and group help pages, made from the command index and the global flags' Airline annotations, wrapped
 * to the terminal's width (80 columns off a terminal).
 */
final class HelpText {

    private static final String[] EXAMPLES = {
        "authlete configure                                  save server, service id and token (asks)",
        "authlete service list -F table                      services as a table",
        "authlete client list --service-id 715948317 --all   every client, one JSON object per line",
        "authlete client get --client-id 1140735077 --jq .clientName -r",
        "authlete client create --client-name demo --client-type CONFIDENTIAL --dry-run",
        "authlete api GET /api/service/get/list              any endpoint by method and path",
    };

    private final PrintStream out;
    private final int width;

    HelpText(PrintStream out, int width) {
        this.out = out;
        this.width = width <= 0 ? 80 : Math.max(40, width);
    }

    void root() {
        item(
                0,
                0,
                "",
                "authlete - command-line client for the Authlete API (catalog of API " + CommandIndex.API_VERSION
                        + ")");
        out.println();
        out.println("Usage:");
        out.println("  authlete <group> [<subgroup>] <command> [flags]");
        item(2, 34, "authlete <group> --help", "list the commands of a group");
        item(2, 34, "authlete <group> <command> --help", "flags of one command");
        out.println();
        out.println("Groups and commands:");
        groups(List.of());
        out.println();
        out.println("Examples:");
        for (String example : EXAMPLES) {
            item(2, 0, "", example);
        }
        out.println();
        item(0, 0, "", "Global flags (every API command and 'api'; they may also come before the command words):");
        flags(GlobalOptions.class);
        out.println();
        item(
                0,
                0,
                "",
                "Network flags (every API command, 'api', 'auth login', 'auth status', 'auth token' and 'configure'):");
        flags(NetworkOptions.class);
        item(2, 26, "-h, --help", "Show help (also: authlete help <command>).");
        item(2, 26, "-V, --version", "Print the version (also: authlete version).");
        out.println();
        out.println("Exit codes:");
        for (ExitCode code : ExitCode.values()) {
            item(2, 4, String.valueOf(code.status()), code.meaning());
        }
        item(2, 4, "130", "interrupted (Ctrl-C)");
    }

    private void flags(Class<?> options) {
        for (Field field : options.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null) {
                // Short names first, as in "-F, --output-format".
                List<String> names = new ArrayList<>(Arrays.asList(option.name()));
                names.sort((a, b) -> Integer.compare(a.length(), b.length()));
                String name = String.join(", ", names)
                        + (field.getType() == boolean.class ? "" : " <" + option.title()[0] + ">");
                item(2, 26, name, option.description());
            }
        }
    }

    void group(List<String> words) {
        String group = String.join(" ", words);
        out.println("Usage: authlete " + group + " <command> [flags]");
        out.println();
        List<CommandEntry> direct = new ArrayList<>();
        for (CommandEntry row : Router.under(words)) {
            if (row.wordList().size() == words.size() + 1) {
                direct.add(row);
            }
        }
        boolean anyDestructive = false;
        if (!direct.isEmpty()) {
            out.println("Commands:");
            for (CommandEntry row : direct) {
                boolean destructive = row.destructive();
                anyDestructive |= destructive;
                item(
                        2,
                        36,
                        row.words().substring(group.length() + 1),
                        row.summary() + (destructive ? " (asks first)" : ""));
            }
        }
        Map<String, Integer> subgroups = subgroupCounts(words);
        if (!subgroups.isEmpty()) {
            out.println();
            out.println("Subgroups:");
            subgroups.forEach((name, count) -> item(2, 36, name, count + " commands"));
        }
        out.println();
        if (anyDestructive) {
            item(
                    0,
                    0,
                    "",
                    "Commands that delete or revoke ask for confirmation on a terminal; --yes skips the question.");
        }
        out.println("Run 'authlete " + group + " <command> --help' for the flags of a command.");
    }

    /** Each next word under {@code words}: a command's summary, or a group's commands (all of them, wrapped). */
    private void groups(List<String> words) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (CommandEntry row : Router.under(words)) {
            String[] parts = row.words().split(" ");
            String word = parts[words.size()];
            if (parts.length == words.size() + 1) {
                summaries.put(word, row.summary());
            } else {
                next.computeIfAbsent(word, k -> new ArrayList<>())
                        .add(parts[words.size() + 1] + (parts.length > words.size() + 2 ? " ..." : ""));
            }
        }
        TreeSet<String> all = new TreeSet<>(next.keySet());
        all.addAll(summaries.keySet());
        for (String word : all) {
            String text = next.containsKey(word)
                    ? String.join(", ", next.get(word).stream().distinct().toList())
                    : summaries.get(word);
            item(2, 30, word, text);
        }
    }

    private static Map<String, Integer> subgroupCounts(List<String> words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CommandEntry row : Router.under(words)) {
            String[] parts = row.words().split(" ");
            if (parts.length > words.size() + 1) {
                counts.merge(parts[words.size()], 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * One entry: {@code label} in a column of {@code labelWidth} after {@code indent} spaces, then {@code text}
     * wrapped at the page width under its own column (on the next line when the label is wider than its column).
     */
    private void item(int indent, int labelWidth, String label, String text) {
        String pad = " ".repeat(indent);
        int column = labelWidth == 0 ? indent : indent + labelWidth + 1;
        StringBuilder line = new StringBuilder(pad).append(label);
        if (labelWidth > 0) {
            if (label.length() > labelWidth) {
                out.println(line);
                line = new StringBuilder(" ".repeat(column));
            } else {
                line.append(" ".repeat(labelWidth - label.length() + 1));
            }
        }
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && line.length() + 1 + word.length() > width) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(" ".repeat(column));
                first = true;
            }
            if (!first) {
                line.append(' ');
            }
            line.append(word);
            first = false;
        }
        out.println(line.toString().stripTrailing());
    }
}
