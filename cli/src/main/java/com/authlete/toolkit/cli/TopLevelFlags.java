package com.authlete.toolkit.cli;

import com.github.rvesse.airline.SingleCommand;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.model.OptionMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags that may come before the command words ({@code authlete --debug client list}), as kubectl and the AWS
 * CLI allow: the global flags, which are moved after the command words before parsing. Also what completion
 * offers at the top level.
 */
@Command(name = "authlete")
public final class TopLevelFlags {

    @AirlineModule
    GlobalOptions global = new GlobalOptions();

    @Option(
            name = {"--help", "-h"},
            description = "Show help.")
    boolean help;

    @Option(
            name = {"--version", "-V"},
            description = "Print the version and exit.")
    boolean version;

    private TopLevelFlags() {}

    /**
     * {@code args} with any global flags that precede the first command word moved after the command words
     * (to the end); unchanged when it starts with a word, or is only flags (such as {@code --help}).
     *
     * @throws CliException for a flag before the command words that is not a global flag
     */
    public static String[] hoist(String[] args) throws CliException {
        if (args.length == 0 || !args[0].startsWith("-")) {
            return args;
        }
        Map<String, Boolean> takesValue = takesValue();
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            Boolean valued = takesValue.get(name);
            if (valued == null) {
                throw CliException.usage("unknown flag " + name + " (see 'authlete --help')");
            }
            leading.add(args[i++]);
            if (valued && !args[i - 1].contains("=") && i < args.length) {
                leading.add(args[i++]);
            }
        }
        if (i == args.length) {
            return args;
        }
        List<String> reordered = new ArrayList<>(List.of(args).subList(i, args.length));
        reordered.addAll(leading);
        return reordered.toArray(String[]::new);
    }

    /** Every global flag name, and whether it takes a value. */
    public static Map<String, Boolean> takesValue() {
        Map<String, Boolean> names = new HashMap<>();
        for (OptionMetadata option : SingleCommand.singleCommand(TopLevelFlags.class)
                .getCommandMetadata()
                .getAllOptions()) {
            option.getOptions().forEach(name -> names.put(name, option.getArity() > 0));
        }
        return names;
    }
}
