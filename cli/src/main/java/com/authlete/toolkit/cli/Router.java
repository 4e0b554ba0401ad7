package com.authlete.toolkit.cli;

import com.authlete.toolkit.cli.generated.CommandIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the command class for the leading words of the command line without building Airline's whole CLI:
 * parsing for one command is then cheap, whatever the number of commands.
 */
final class Router {

    /** A command: its index row and the arguments after its words. */
    record Match(String command, String className, String summary, List<String> rest) {
    }

    private Router() {
    }

    /** The leading arguments that are not flags. */
    static List<String> leadingWords(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                break;
            }
            words.add(arg);
        }
        return words;
    }

    /** The command whose words are the longest prefix of {@code args}, if any. */
    static java.util.Optional<Match> match(String[] args) {
        List<String> words = leadingWords(args);
        for (int n = words.size(); n > 0; n--) {
            String candidate = String.join(" ", words.subList(0, n));
            for (String[] row : CommandIndex.COMMANDS) {
                if (row[0].equals(candidate)) {
                    List<String> rest = Arrays.asList(args).subList(n, args.length);
                    return java.util.Optional.of(new Match(row[0], row[1], row[2], List.copyOf(rest)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Commands whose words start with the given words (a group such as {@code client management}). */
    static List<String[]> under(List<String> words) {
        String prefix = words.isEmpty() ? "" : String.join(" ", words) + " ";
        return Arrays.stream(CommandIndex.COMMANDS).filter(row -> row[0].startsWith(prefix)).toList();
    }
}
