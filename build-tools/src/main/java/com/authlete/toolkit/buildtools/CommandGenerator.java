package com.authlete.toolkit.buildtools;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Glossary;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.catalog.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Build step of the cli module: writes one Airline command class per catalog operation, and the index that
 * routes command words to them, into target/generated-sources. Nothing here is per operation: every class
 * comes from the catalog, so a new operation in the catalog is a new command with no code written.
 *
 * Run by the cli module's build (exec plugin, in-process) with the output folder as its one argument.
 */
public final class CommandGenerator {

    private static final String PACKAGE = "com.authlete.toolkit.cli.generated";
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "record",
            "yield");

    /**
     * The CLI's own flags (global, network, help and version): an operation input whose catalog flag is one of these
     * is offered as {@code --body-<flag>} (the catalog's collision prefix) so that it cannot shadow them. Exported as
     * {@code CommandIndex.CLI_FLAGS}; GeneratedCommandsTest checks it against the options the commands really have.
     */
    static final List<String> CLI_FLAGS = List.of(
            "all",
            "allow-insecure-http",
            "bearer",
            "body",
            "ca-cert",
            "color",
            "connect-timeout",
            "debug",
            "dry-run",
            "fields",
            "help",
            "jq",
            "merge",
            "output",
            "output-file",
            "output-format",
            "page-size",
            "profile",
            "raw",
            "read-timeout",
            "replace",
            "retry",
            "retry-post",
            "server",
            "server-url",
            "timeout",
            "version",
            "yes");

    /** The flag an operation input has on the command line. */
    static String flag(Field field) {
        return CLI_FLAGS.contains(field.flag()) ? "body-" + field.flag() : field.flag();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(out);
        Catalog catalog = Catalog.standard();
        for (Operation operation : catalog.operations()) {
            String className = className(operation);
            write(out.resolve(className + ".java"), commandClass(operation, className));
        }
        write(out.resolve("CommandIndex.java"), index(catalog));
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Leave unchanged files alone so incremental compilation stays incremental.
        if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
    }

    /**
     * The index: an entry per command (words, summary, whether it asks first), the aliases, and a switch from words to
     * the command's class, so that only the one class a command line names is ever loaded.
     */
    static String index(Catalog catalog) {
        String entries = catalog.operations().stream()
                .map(operation -> "            new CommandEntry(" + quote(operation.command()) + ", "
                        + quote(operation.summary() == null ? "" : operation.summary()) + ", " + operation.destructive()
                        + ")")
                .collect(Collectors.joining(",\n"));
        String cases = catalog.operations().stream()
                .map(operation ->
                        "            case " + quote(operation.command()) + " -> " + className(operation) + ".class;")
                .collect(Collectors.joining("\n"));
        String aliases = catalog.aliases().entrySet().stream()
                .map(alias -> "            Map.entry(" + quote(alias.getKey()) + ", " + quote(alias.getValue()) + ")")
                .collect(Collectors.joining(",\n"));
        return "package " + PACKAGE + ";\n\n"
                + "import com.authlete.toolkit.cli.CommandEntry;\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n\n"
                + "/** Generated from the operation catalog by CommandGenerator; do not edit. */\n"
                + "public final class CommandIndex {\n\n"
                + "    /** The API version of the catalog the commands were generated from. */\n"
                + "    public static final String API_VERSION = " + quote(catalog.apiVersion()) + ";\n\n"
                + "    /** Every operation command, in catalog order. */\n"
                + "    public static final List<CommandEntry> COMMANDS = List.of(\n" + entries + ");\n\n"
                + "    /** Earlier command words of renamed commands, and the words they now go by. */\n"
                + "    public static final Map<String, String> ALIASES = Map.ofEntries(\n" + aliases + ");\n\n"
                + "    /** The CLI's own flags; an operation input whose catalog flag is one of them goes by body-FLAG. */\n"
                + "    public static final List<String> CLI_FLAGS = List.of("
                + CLI_FLAGS.stream().map(CommandGenerator::quote).collect(Collectors.joining(", ")) + ");\n\n"
                + "    /** The command-line flag (without dashes) of an operation input with this catalog flag. */\n"
                + "    public static String flag(String catalogFlag) {\n"
                + "        return CLI_FLAGS.contains(catalogFlag) ? \"body-\" + catalogFlag : catalogFlag;\n    }\n\n"
                + "    /** The class of the operation command with these words, or null. */\n"
                + "    public static Class<?> commandClass(String words) {\n"
                + "        return switch (words) {\n" + cases + "\n            default -> null;\n        };\n    }\n\n"
                + "    private CommandIndex() {\n    }\n}\n";
    }

    static String commandClass(Operation operation, String className) {
        StringBuilder fields = new StringBuilder();
        StringBuilder collect = new StringBuilder();
        for (Field parameter : operation.pathParameters()) {
            option(fields, parameter, "Path parameter");
            collect.append("        request.parameter(")
                    .append(quote(parameter.name()))
                    .append(", ")
                    .append(fieldName(parameter))
                    .append(");\n");
        }
        for (Field parameter : operation.queryParameters()) {
            option(fields, parameter, "Query parameter");
            collect.append("        request.parameter(")
                    .append(quote(parameter.name()))
                    .append(", ")
                    .append(fieldName(parameter))
                    .append(");\n");
        }
        for (Field field : operation.bodyFields()) {
            option(fields, field, "Body field");
            collect.append("        request.bodyField(")
                    .append(quote(field.name()))
                    .append(", ")
                    .append(fieldName(field))
                    .append(");\n");
        }
        String verb = operation.words().get(operation.words().size() - 1);
        return "package " + PACKAGE + ";\n\n"
                + "import com.authlete.toolkit.cli.OperationCommand;\n"
                + "import com.authlete.toolkit.core.request.RequestBuilder;\n"
                + "import com.github.rvesse.airline.annotations.Command;\n"
                + "import com.github.rvesse.airline.annotations.Option;\n"
                + "import com.github.rvesse.airline.annotations.help.Discussion;\n"
                + "import java.util.List;\n\n"
                + "/** {@code authlete " + operation.command()
                + "}: generated from the operation catalog; do not edit. */\n"
                + "@Command(name = " + quote(verb) + ", description = "
                + quote(operation.summary() == null ? verb : operation.summary()) + ")\n"
                + "@Discussion(paragraphs = {"
                + discussion(operation).stream()
                        .map(CommandGenerator::quote)
                        .collect(Collectors.joining(",\n        ", "\n        ", "\n"))
                + "})\n"
                + "public final class " + className + " extends OperationCommand {\n\n"
                + fields
                + "    @Override\n    public String command() {\n        return " + quote(operation.command())
                + ";\n    }\n\n"
                + "    @Override\n    protected void collect(RequestBuilder request) {\n" + collect + "    }\n}\n";
    }

    /** Example command lines by command words, from command-examples.tsv beside this class. */
    private static final Map<String, List<String>> EXAMPLES = examples();

    private static Map<String, List<String>> examples() {
        Map<String, List<String>> examples = new HashMap<>();
        for (String line : resourceLines("command-examples.tsv")) {
            String[] columns = line.split("\t", 2);
            if (columns.length == 2 && !line.startsWith("#")) {
                examples.computeIfAbsent(columns[0], k -> new ArrayList<>()).add(columns[1]);
            }
        }
        return examples;
    }

    /** The lines of a data file that sits beside this class. */
    static List<String> resourceLines(String name) {
        try (InputStream in = CommandGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " beside " + CommandGenerator.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> discussion(Operation operation) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Sends " + operation.method() + " " + operation.path()
                + (operation.operationId() == null ? "" : " (operation " + operation.operationId() + ")") + ".");
        RequestBody body = operation.body();
        if (body != null) {
            paragraphs.add("The request body is sent as "
                    + (body.isForm() ? "application/x-www-form-urlencoded" : "JSON")
                    + (body.required() ? " and is required" : "")
                    + ". Give it with the body-field flags, with --body JSON (or --body @file.json), or as JSON on"
                    + " standard input; a field set by a flag wins over --body, which wins over standard input.");
        }
        if (operation.replacesWholeObject()) {
            paragraphs.add(
                    "The API replaces the whole object (its description documents no partial update). So the current object is"
                            + " read first with '" + operation.readCurrent()
                            + "', which needs the token's read permission, and only the fields"
                            + " you give change. --replace sends exactly the body you give instead, and the API resets every field left out to"
                            + " its default.");
        }
        if (operation.list() != null) {
            paragraphs.add(
                    "The response lists its items in '" + operation.list().field() + "'"
                            + (operation.list().paginated() ? ", a page at a time (start, end, totalCount)." : "."));
        }
        if (!operation.authenticated()) {
            paragraphs.add("This operation needs no API token.");
        }
        EXAMPLES.getOrDefault(operation.command(), List.of()).forEach(example -> paragraphs.add("Example: " + example));
        return paragraphs;
    }

    private static void option(StringBuilder out, Field field, String kind) {
        // A required path or query parameter has no other source (the service id comes from settings too): the
        // synopsis shows it without brackets. Body fields may come from --body, so they stay optional here.
        boolean required =
                field.required() && !kind.equals("Body field") && !field.name().equals("serviceId");
        if (required) {
            out.append("    @com.github.rvesse.airline.annotations.restrictions.Required\n");
        }
        out.append("    @Option(name = ")
                .append(quote("--" + flag(field)))
                .append(", title = ")
                .append(quote(title(field)))
                .append(", description = ")
                .append(quote(description(field, kind)))
                .append(")\n")
                .append("    private ")
                .append(field.isArray() ? "List<String>" : "String")
                .append(' ')
                .append(fieldName(field))
                .append(";\n\n");
    }

    private static String title(Field field) {
        List<String> values = field.enumValues();
        if (!values.isEmpty() && values.size() <= 4 && String.join("|", values).length() <= 40) {
            return String.join("|", values);
        }
        return switch (field.valueType()) {
            case "boolean" -> "true|false";
            case "object" -> "json";
            default -> values.isEmpty() ? field.valueType() : "value";
        };
    }

    private static final Glossary GLOSSARY = Glossary.standard();

    private static String description(Field field, String kind) {
        StringBuilder text = new StringBuilder();
        GLOSSARY.describe(field.name()).ifPresent(words -> text.append(words).append(' '));
        text.append(kind).append(' ').append(field.name()).append(": ");
        if (field.isArray()) {
            text.append("array of ").append(field.valueType()).append("; repeat the flag once per item");
            if ("object".equals(field.valueType())) {
                text.append(" (each a JSON object, or a JSON array of objects)");
            }
        } else if ("object".equals(field.type())) {
            text.append("JSON text");
        } else {
            text.append(field.type());
        }
        text.append('.');
        if (!field.enumValues().isEmpty()) {
            text.append(" One of: ")
                    .append(String.join(", ", field.enumValues()))
                    .append(" (any case).");
        }
        if (field.required()) {
            text.append(" Required.");
        }
        return text.toString();
    }

    private static String className(Operation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.words()) {
            for (String part : word.split("-")) {
                if (!part.isEmpty()) {
                    name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return name.append("Command").toString();
    }

    private static String fieldName(Field field) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : flag(field).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String candidate = name.toString();
        if (!Character.isJavaIdentifierStart(candidate.charAt(0))) {
            candidate = "_" + candidate;
        }
        return KEYWORDS.contains(candidate.toLowerCase(Locale.ROOT)) ? candidate + "_" : candidate;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
