package com.authlete.toolkit.cli;

import com.authlete.toolkit.cli.generated.CommandIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the command class for the leading words of the command line without building Airline's whole CLI:
 * parsing for one command is then cheap, whatever the number of commands.
 */
public final class Router {

    /** A command: its index row and the arguments after its words. */
    record Match(String command, String className, String summary, List<String> rest) {
    }

    /** Commands that are not catalog operations: the raw API call, credentials and settings. */
    static final String[][] ACCOUNT_COMMANDS = {
            {"api", "com.authlete.toolkit.cli.ApiCommand", "Call any API endpoint by method and path"},
            {"auth login", "com.authlete.toolkit.cli.account.AuthLoginCommand", "Store a checked token, or log in with OAuth"},
            {"auth status", "com.authlete.toolkit.cli.account.AuthStatusCommand", "Show the active profile, token source and settings"},
            {"auth logout", "com.authlete.toolkit.cli.account.AuthLogoutCommand", "Forget the stored token of a profile"},
            {"auth token", "com.authlete.toolkit.cli.account.AuthTokenCommand", "Print the active token, for scripts"},
            {"configure", "com.authlete.toolkit.cli.account.ConfigureCommand", "Save server, service id and token for a profile"},
            {"link", "com.authlete.toolkit.cli.account.LinkCommand", "Make this directory tree default to a service id"},
            {"completion", "com.authlete.toolkit.cli.account.CompletionCommand", "Print the shell completion script"},
            {"mcp", "com.authlete.toolkit.cli.account.McpCommand", "Serve the API's operations as MCP tools on stdio"},
            {"export", "com.authlete.toolkit.cli.account.ExportCommand", "Write the service and its clients as YAML files"},
            {"diff", "com.authlete.toolkit.cli.account.DiffCommand", "Compare a configuration directory with the live service"},
            {"apply", "com.authlete.toolkit.cli.account.ApplyCommand", "Make the live service match a configuration directory"},
    };

    private Router() {
    }

    /** Every command: words, class name and summary; operations first, then the account commands. */
    public static String[][] allCommands() {
        String[][] all = Arrays.copyOf(CommandIndex.COMMANDS, CommandIndex.COMMANDS.length + ACCOUNT_COMMANDS.length);
        System.arraycopy(ACCOUNT_COMMANDS, 0, all, CommandIndex.COMMANDS.length, ACCOUNT_COMMANDS.length);
        return all;
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

    /** The command whose words are the longest prefix of {@code args} (earlier names of renamed commands too). */
    static java.util.Optional<Match> match(String[] args) {
        List<String> words = leadingWords(args);
        for (String[] alias : CommandIndex.ALIASES) {
            List<String> old = List.of(alias[0].split(" "));
            if (words.size() >= old.size() && words.subList(0, old.size()).equals(old)) {
                List<String> renamed = new ArrayList<>(List.of(alias[1].split(" ")));
                renamed.addAll(Arrays.asList(args).subList(old.size(), args.length));
                return match(renamed.toArray(String[]::new));
            }
        }
        for (int n = words.size(); n > 0; n--) {
            String candidate = String.join(" ", words.subList(0, n));
            for (String[] row : allCommands()) {
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
        return Arrays.stream(allCommands()).filter(row -> row[0].startsWith(prefix)).toList();
    }
}
