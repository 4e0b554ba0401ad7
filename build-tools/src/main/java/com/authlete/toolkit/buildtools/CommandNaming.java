package com.authlete.toolkit.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Turns API names into command words and flags. */
final class CommandNaming {

    /** An extra command that sends an operation's body in another encoding. */
    record Variant(List<String> words, String encoding) {}

    private final Map<String, List<String>> overrides = new LinkedHashMap<>();
    private final Map<String, Variant> variants = new LinkedHashMap<>();

    /** The fourth column of a row that renames an operation and keeps the generic rule's words as an alias. */
    static final String KEEP_OLD_NAME = "keep-old-name";

    private final Set<String> keepOldName = new HashSet<>();
    private final Map<String, String> aliases = new HashMap<>();

    private CommandNaming() {}

    static CommandNaming fromTable(List<String> lines) {
        CommandNaming naming = new CommandNaming();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IllegalArgumentException("naming row needs method, path and words: " + line);
            }
            String key = key(columns[0], columns[1]);
            List<String> words = List.of(columns[2].trim().split("\\s+"));
            if (columns.length > 3 && columns[3].trim().equals(KEEP_OLD_NAME)) {
                naming.overrides.put(key, words);
                naming.keepOldName.add(key);
            } else if (columns.length > 3) {
                naming.variants.put(key, new Variant(words, columns[3].trim()));
            } else {
                naming.overrides.put(key, words);
            }
        }
        return naming;
    }

    static CommandNaming fromFile(Path table) {
        try {
            return fromTable(Files.readAllLines(table, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** The command words of an operation: an override, else its Speakeasy names, else its tag and operationId. */
    List<String> words(String method, String path, String group, String name, String tag, String operationId) {
        List<String> override = overrides.get(key(method, path));
        if (override != null) {
            if (keepOldName.contains(key(method, path))) {
                aliases.put(
                        String.join(" ", generic(method, path, group, name, tag, operationId)),
                        String.join(" ", override));
            }
            return override;
        }
        return generic(method, path, group, name, tag, operationId);
    }

    /** Old command words (what the generic rule gives) of renamed operations, to the new words. */
    Map<String, String> aliases() {
        return new TreeMap<>(aliases);
    }

    private List<String> generic(
            String method, String path, String group, String name, String tag, String operationId) {
        List<String> words = new ArrayList<>();
        if (group != null && name != null) {
            Arrays.stream(group.split("\\.")).map(CommandNaming::kebab).forEach(words::add);
            words.add(kebab(name));
            return words;
        }
        if (tag == null || operationId == null) {
            throw new IllegalStateException("no way to name " + method + " " + path + ": add it to the naming table");
        }
        words.add(kebab(tag.replaceAll("\\s+Endpoints?$", "").replace(' ', '-')));
        words.add(kebab(operationId));
        return words;
    }

    Optional<Variant> variant(String method, String path) {
        return Optional.ofNullable(variants.get(key(method, path)));
    }

    /** {@code clientIdAliasEnabled} and {@code client_id} both become kebab-case: {@code client-id-alias-enabled}. */
    static String kebab(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replaceAll("[_\\s.]+", "-")
                .replaceAll("-{2,}", "-");
        return spaced.toLowerCase(Locale.ROOT).replaceAll("^-|-$", "");
    }
}
