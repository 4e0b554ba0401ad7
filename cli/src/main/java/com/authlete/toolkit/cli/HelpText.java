package com.authlete.toolkit.cli;

import com.authlete.toolkit.cli.generated.CommandIndex;
import com.github.rvesse.airline.annotations.Option;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The root and group help pages, made from the command index and the global flags' Airline annotations. */
final class HelpText {

    private HelpText() {
    }

    static void root(PrintStream out) {
        out.println("authlete - command-line client for the Authlete API (catalog of API " + CommandIndex.API_VERSION + ")");
        out.println();
        out.println("Usage:");
        out.println("  authlete <group> [<subgroup>] <command> [flags]");
        out.println("  authlete <group> --help                 list the commands of a group");
        out.println("  authlete <group> <command> --help       flags of one command");
        out.println();
        out.println("Groups:");
        groups(out, List.of());
        out.println();
        out.println("Global flags (accepted by every API command and by 'api'):");
        flags(out, GlobalOptions.class);
        out.println();
        out.println("Network flags (accepted by every API command, 'api', 'auth login', 'auth status', 'auth token' and 'configure'):");
        flags(out, NetworkOptions.class);
        out.printf("  %-26s %s%n", "-h, --help", "Show help.");
        out.printf("  %-26s %s%n", "--version", "Print the version.");
        out.println();
        out.println("Exit codes:");
        for (ExitCode code : ExitCode.values()) {
            out.printf("  %d  %s%n", code.status(), code.meaning());
        }
        out.println("  130  interrupted (Ctrl-C)");
    }

    private static void flags(PrintStream out, Class<?> options) {
        for (java.lang.reflect.Field field : options.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null) {
                String name = option.name()[0] + (field.getType() == boolean.class ? "" : " <" + option.title()[0] + ">");
                out.printf("  %-26s %s%n", name, option.description());
            }
        }
    }

    static void group(PrintStream out, List<String> words) {
        String group = String.join(" ", words);
        out.println("Usage: authlete " + group + " <command> [flags]");
        out.println();
        List<String[]> direct = new ArrayList<>();
        for (String[] row : Router.under(words)) {
            if (row[0].split(" ").length == words.size() + 1) {
                direct.add(row);
            }
        }
        if (!direct.isEmpty()) {
            out.println("Commands:");
            for (String[] row : direct) {
                out.printf("  %-44s %s%n", row[0].substring(group.length() + 1), row[2]);
            }
        }
        Map<String, Integer> subgroups = subgroupCounts(words);
        if (!subgroups.isEmpty()) {
            out.println();
            out.println("Subgroups:");
            subgroups.forEach((name, count) -> out.printf("  %-44s %d commands%n", name, count));
        }
        out.println();
        out.println("Run 'authlete " + group + " <command> --help' for the flags of a command.");
    }

    /** Lists each next word under {@code words} with what it leads to. */
    private static void groups(PrintStream out, List<String> words) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        for (String[] row : Router.under(words)) {
            String[] parts = row[0].split(" ");
            next.computeIfAbsent(parts[words.size()], k -> new ArrayList<>())
                    .add(String.join(" ", List.of(parts).subList(words.size() + 1, parts.length)));
        }
        next.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String commands = String.join(", ", entry.getValue().stream()
                    .map(rest -> rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) + " ..." : rest)
                    .distinct().toList());
            out.printf("  %-30s %s%n", entry.getKey(), abbreviate(commands, 90));
        });
    }

    private static Map<String, Integer> subgroupCounts(List<String> words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String[] row : Router.under(words)) {
            String[] parts = row[0].split(" ");
            if (parts.length > words.size() + 1) {
                counts.merge(parts[words.size()], 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
