package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.CliException;
import com.github.rvesse.airline.model.CommandMetadata;
import com.github.rvesse.airline.model.OptionMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flag that takes one value given twice ({@code --service-id 1 ... --service-id 2}) is refused: Airline would keep
 * the last one silently. Flags that collect values ({@code --grant-types}) may repeat.
 */
final class RepeatedFlags {

    private RepeatedFlags() {}

    static void check(CommandMetadata command, List<String> arguments) throws CliException {
        Map<String, OptionMetadata> byName = new HashMap<>();
        for (OptionMetadata option : command.getAllOptions()) {
            option.getOptions().forEach(name -> byName.put(name, option));
        }
        Map<OptionMetadata, String> seen = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--")) {
                return;
            }
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            OptionMetadata option = byName.get(name);
            if (option == null) {
                continue;
            }
            if (!option.isMultiValued()) {
                String earlier = seen.putIfAbsent(option, name);
                if (earlier != null) {
                    throw CliException.usage(name + " is given twice"
                            + (earlier.equals(name) ? "" : " (also as " + earlier + ")") + "; give it once");
                }
            }
            if (option.getArity() > 0 && !argument.contains("=")) {
                i++; // its value, which may look like a flag
            }
        }
    }
}
