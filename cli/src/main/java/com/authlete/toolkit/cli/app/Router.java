package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.ApiCommand;
import com.authlete.toolkit.cli.CommandEntry;
import com.authlete.toolkit.cli.CommandTable;
import com.authlete.toolkit.cli.builtin.ApplyCommand;
import com.authlete.toolkit.cli.builtin.AuthLoginCommand;
import com.authlete.toolkit.cli.builtin.AuthLogoutCommand;
import com.authlete.toolkit.cli.builtin.AuthStatusCommand;
import com.authlete.toolkit.cli.builtin.AuthTokenCommand;
import com.authlete.toolkit.cli.builtin.CompletionCommand;
import com.authlete.toolkit.cli.builtin.ConfigureCommand;
import com.authlete.toolkit.cli.builtin.DiffCommand;
import com.authlete.toolkit.cli.builtin.ExportCommand;
import com.authlete.toolkit.cli.builtin.LinkCommand;
import com.authlete.toolkit.cli.builtin.McpCommand;
import com.authlete.toolkit.cli.generated.CommandIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the command class for the leading words of the command line without building Airline's whole CLI:
 * parsing for one command is then cheap, whatever the number of commands.
 */
public final class Router {

    /** A command: its entry, its class, and the arguments after its words. */
    record Match(String command, Class<?> type, String summary, List<String> rest) {}

    /** Commands that are not catalog operations: the raw API call, credentials and settings, the declarative workflow. */
    static final List<CommandEntry> BUILTIN_COMMANDS = List.of(
            new CommandEntry("api", "Call any API endpoint by method and path", false),
            new CommandEntry("auth login", "Store a checked token, or log in with OAuth", false),
            new CommandEntry("auth status", "Show the active profile, token source and settings", false),
            new CommandEntry("auth logout", "Forget the stored token of a profile", false),
            new CommandEntry("auth token", "Print the active token, for scripts", false),
            new CommandEntry("configure", "Save server, service id and token for a profile", false),
            new CommandEntry("link", "Make this directory tree default to a service id", false),
            new CommandEntry("completion", "Print the shell completion script", false),
            new CommandEntry("mcp", "Serve the API's operations as MCP tools on stdio", false),
            new CommandEntry("export", "Write the service and its clients as YAML files", false),
            new CommandEntry("diff", "Compare a configuration directory with the live service", false),
            new CommandEntry("apply", "Make the live service match a configuration directory", false));

    /** The commands and their classes, for what lists or describes them. */
    public static final CommandTable TABLE = new CommandTable() {
        @Override
        public List<CommandEntry> commands() {
            return allCommands();
        }

        @Override
        public Class<?> commandClass(String words) {
            return Router.commandClass(words);
        }
    };

    private Router() {}

    /** The class of a command; only the one asked for is loaded. */
    public static Class<?> commandClass(String words) {
        return switch (words) {
            case "api" -> ApiCommand.class;
            case "auth login" -> AuthLoginCommand.class;
            case "auth status" -> AuthStatusCommand.class;
            case "auth logout" -> AuthLogoutCommand.class;
            case "auth token" -> AuthTokenCommand.class;
            case "configure" -> ConfigureCommand.class;
            case "link" -> LinkCommand.class;
            case "completion" -> CompletionCommand.class;
            case "mcp" -> McpCommand.class;
            case "export" -> ExportCommand.class;
            case "diff" -> DiffCommand.class;
            case "apply" -> ApplyCommand.class;
            default -> CommandIndex.commandClass(words);
        };
    }

    /** Every command: operations first, then the built-in commands. */
    public static List<CommandEntry> allCommands() {
        List<CommandEntry> all = new ArrayList<>(CommandIndex.COMMANDS);
        all.addAll(BUILTIN_COMMANDS);
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
    static Optional<Match> match(String[] args) {
        List<String> words = leadingWords(args);
        for (Map.Entry<String, String> alias : CommandIndex.ALIASES.entrySet()) {
            List<String> old = List.of(alias.getKey().split(" "));
            if (words.size() >= old.size() && words.subList(0, old.size()).equals(old)) {
                List<String> renamed = new ArrayList<>(List.of(alias.getValue().split(" ")));
                renamed.addAll(Arrays.asList(args).subList(old.size(), args.length));
                return match(renamed.toArray(String[]::new));
            }
        }
        for (int n = words.size(); n > 0; n--) {
            String candidate = String.join(" ", words.subList(0, n));
            for (CommandEntry entry : allCommands()) {
                if (entry.words().equals(candidate)) {
                    List<String> rest = Arrays.asList(args).subList(n, args.length);
                    return Optional.of(
                            new Match(entry.words(), commandClass(entry.words()), entry.summary(), List.copyOf(rest)));
                }
            }
        }
        return Optional.empty();
    }

    /** Commands whose words start with the given words (a group such as {@code client management}). */
    static List<CommandEntry> under(List<String> words) {
        String prefix = words.isEmpty() ? "" : String.join(" ", words) + " ";
        return allCommands().stream()
                .filter(entry -> entry.words().startsWith(prefix))
                .toList();
    }
}
