package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.TopLevelFlags;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.github.rvesse.airline.help.sections.HelpFormat;
import com.github.rvesse.airline.help.sections.HelpSection;
import com.github.rvesse.airline.help.sections.common.BasicSection;
import com.github.rvesse.airline.model.CommandMetadata;
import com.github.rvesse.airline.model.OptionMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a command's help shows: its own flags, without those only the server sets; then, under "INHERITED FLAGS" at
 * the end (as gh does), only the global flags that apply to it (--all for paginated lists, --body where there is a
 * body, --merge and --replace for updates of a whole object, --yes where it asks first).
 */
final class CommandHelpModel {

    private CommandHelpModel() {}

    static CommandMetadata of(CommandMetadata metadata, Optional<Operation> operation) {
        Set<String> globalNames = TopLevelFlags.takesValue().keySet();
        Set<String> serverSet = operation.stream()
                .flatMap(op -> op.bodyFields().stream())
                .filter(Field::isServerSet)
                .map(field -> "--" + field.flag())
                .collect(Collectors.toSet());
        List<OptionMetadata> own = new ArrayList<>();
        List<OptionMetadata> inherited = new ArrayList<>();
        for (OptionMetadata option : metadata.getCommandOptions()) {
            boolean global = option.getOptions().stream().anyMatch(globalNames::contains)
                    || option.getOptions().contains("--yes") && operation.isPresent();
            if (global) {
                if (applies(option, operation)) {
                    inherited.add(option);
                }
            } else if (option.getOptions().stream().noneMatch(serverSet::contains)) {
                own.add(option);
            }
        }
        inherited.sort(Comparator.comparing(CommandHelpModel::longestName));
        List<HelpSection> sections = new ArrayList<>(metadata.getHelpSections());
        if (!inherited.isEmpty()) {
            String[] names = inherited.stream().map(CommandHelpModel::synopsis).toArray(String[]::new);
            String[] descriptions =
                    inherited.stream().map(OptionMetadata::getDescription).toArray(String[]::new);
            sections.add(new BasicSection(
                    "INHERITED FLAGS",
                    100,
                    "Flags every API command takes, those that apply to this one:",
                    null,
                    HelpFormat.EXAMPLES,
                    names,
                    descriptions));
        }
        return new CommandMetadata(
                metadata.getName(),
                metadata.getDescription(),
                metadata.isHidden(),
                metadata.getGlobalOptions(),
                metadata.getGroupOptions(),
                own,
                metadata.getDefaultOption(),
                metadata.getArguments(),
                metadata.getMetadataInjections(),
                metadata.getType(),
                metadata.getGroupNames(),
                metadata.getGroups(),
                sections);
    }

    /** Whether a global flag means anything for this operation (every one does for 'api' and built-ins). */
    private static boolean applies(OptionMetadata option, Optional<Operation> operation) {
        if (operation.isEmpty()) {
            return true;
        }
        Operation op = operation.get();
        Set<String> names = option.getOptions();
        if (names.contains("--all") || names.contains("--page-size")) {
            return op.list() != null && op.list().paginated();
        }
        if (names.contains("--body")) {
            return op.body() != null;
        }
        if (names.contains("--merge") || names.contains("--replace")) {
            return op.replacesWholeObject();
        }
        if (names.contains("--yes")) {
            return op.destructive();
        }
        return true;
    }

    private static String longestName(OptionMetadata option) {
        return option.getOptions().stream()
                .max(Comparator.comparingInt(String::length))
                .orElse("");
    }

    private static String synopsis(OptionMetadata option) {
        String names = option.getOptions().stream()
                .sorted(Comparator.comparingInt(String::length))
                .collect(Collectors.joining(", "));
        return option.getArity() == 0 ? names : names + " <" + option.getTitle() + ">";
    }
}
