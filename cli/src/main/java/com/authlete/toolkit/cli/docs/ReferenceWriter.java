package com.authlete.toolkit.cli.docs;

import com.authlete.toolkit.cli.CommandEntry;
import com.authlete.toolkit.cli.CommandTable;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.HelpTopics;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.github.rvesse.airline.SingleCommand;
import com.github.rvesse.airline.model.OptionMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command reference, from the same Airline metadata and catalog that run the commands: a Markdown page and a
 * man page (roff) per command, and an index of each. Written to {@code docs/} by {@code scripts/regenerate-docs};
 * a test fails when the committed files differ.
 */
public final class ReferenceWriter {

    private final CommandTable table;
    private final Catalog catalog;

    public ReferenceWriter(CommandTable table, Catalog catalog) {
        this.table = table;
        this.catalog = catalog;
    }

    /** Every file, by path relative to {@code docs/}. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# Command reference\n\nGenerated from the CLI's own metadata by "
                + "`scripts/regenerate-docs`; do not edit. Man pages of the same commands are in `../man/man1`.\n\n"
                + "| command | what it does |\n|---|---|\n");
        StringBuilder manIndex =
                new StringBuilder(".TH AUTHLETE 1 \"\" \"Authlete CLI\" \"Authlete CLI\"\n.SH NAME\nauthlete \\- "
                        + "command-line client for the Authlete API\n.SH SYNOPSIS\n.B authlete\n\\fIgroup\\fR [\\fIsubgroup\\fR] \\fIcommand\\fR "
                        + "[\\fIflags\\fR]\n.SH COMMANDS\n");
        for (CommandEntry row : table.commands()) {
            String name = row.words().replace(' ', '-');
            List<OptionMetadata> options = new ArrayList<>(SingleCommand.singleCommand(table.commandClass(row.words()))
                    .getCommandMetadata()
                    .getAllOptions());
            options.sort((a, b) -> longest(a).compareTo(longest(b)));
            Optional<Operation> operation =
                    catalog.find(row.words()).filter(op -> op.command().equals(row.words()));
            files.put("commands/" + name + ".md", markdown(row.words(), row.summary(), operation, options));
            files.put("man/man1/authlete-" + name + ".1", man(row.words(), row.summary(), operation, options));
            index.append("| [`authlete ")
                    .append(row.words())
                    .append("`](")
                    .append(name)
                    .append(".md) | ")
                    .append(row.summary())
                    .append(" |\n");
            manIndex.append(".TP\n.B authlete ")
                    .append(roff(row.words()))
                    .append('\n')
                    .append(roff(row.summary()))
                    .append('\n');
        }
        manIndex.append(".SH ENVIRONMENT\n");
        HelpTopics.environment()
                .forEach((name, meaning) -> manIndex.append(".TP\n.B ")
                        .append(roff(name))
                        .append('\n')
                        .append(roff(meaning))
                        .append('\n'));
        manIndex.append(".SH EXIT STATUS\n");
        for (ExitCode code : ExitCode.values()) {
            manIndex.append(".TP\n.B ")
                    .append(code.status())
                    .append('\n')
                    .append(roff(code.meaning()))
                    .append('\n');
        }
        manIndex.append(".SH FILES\n");
        HelpTopics.files()
                .forEach((name, meaning) -> manIndex.append(".TP\n.I ")
                        .append(roff(name))
                        .append('\n')
                        .append(roff(meaning))
                        .append('\n'));
        manIndex.append(".SH SEE ALSO\n")
                .append(
                        "Each command has its own page, such as \\fBauthlete-client-create\\fR(1); "
                                + "\\fBauthlete help environment\\fR, \\fBexit-codes\\fR and \\fBfiles\\fR print the lists above.\n");
        files.put("commands/README.md", index.toString());
        files.put("man/man1/authlete.1", manIndex.toString());
        return files;
    }

    private static String longest(OptionMetadata option) {
        return option.getOptions().stream()
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse("");
    }

    private static String names(OptionMetadata option) {
        List<String> names = option.getOptions().stream()
                .sorted((a, b) -> Integer.compare(a.length(), b.length()))
                .toList();
        return String.join(", ", names);
    }

    private static String sends(Optional<Operation> operation) {
        return operation
                .map(op -> "Sends `" + op.method() + " " + op.path() + "`"
                        + (op.body() == null
                                ? ""
                                : ", with a " + (op.body().isForm() ? "form-encoded" : "JSON") + " body"
                                        + (op.body().required() ? " (required)" : ""))
                        + ".")
                .orElse("");
    }

    private String markdown(String words, String summary, Optional<Operation> operation, List<OptionMetadata> options) {
        StringBuilder out = new StringBuilder("# authlete ")
                .append(words)
                .append("\n\n")
                .append(summary)
                .append("\n\n```\nauthlete ")
                .append(words)
                .append(" [flags]\n```\n\n");
        String sends = sends(operation);
        if (!sends.isEmpty()) {
            out.append(sends)
                    .append(
                            operation.get().body() == null
                                    ? ""
                                    : " Body fields come from their flags, `--body`, or JSON on "
                                            + "standard input (in that order of precedence).")
                    .append("\n\n");
        }
        out.append("| flag | value | description |\n|---|---|---|\n");
        for (OptionMetadata option : options) {
            out.append("| `")
                    .append(names(option))
                    .append("` | ")
                    .append(option.getArity() > 0 ? "`" + option.getTitle().replace("|", "\\|") + "`" : "")
                    .append(" | ")
                    .append(option.getDescription().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return out.toString();
    }

    private String man(String words, String summary, Optional<Operation> operation, List<OptionMetadata> options) {
        String name = "authlete-" + words.replace(' ', '-');
        StringBuilder out = new StringBuilder(".TH ")
                .append(name.toUpperCase(Locale.ROOT).replace("-", "\\-"))
                .append(" 1 \"\" \"Authlete CLI\" \"Authlete CLI\"\n.SH NAME\n")
                .append(roff(name))
                .append(" \\- ")
                .append(roff(summary))
                .append("\n.SH SYNOPSIS\n.B authlete ")
                .append(roff(words))
                .append("\n[\\fIflags\\fR]\n");
        String sends = sends(operation).replace("`", "");
        if (!sends.isEmpty()) {
            out.append(".SH DESCRIPTION\n").append(roff(sends)).append('\n');
        }
        out.append(".SH OPTIONS\n");
        for (OptionMetadata option : options) {
            out.append(".TP\n.B ").append(roff(names(option)));
            if (option.getArity() > 0) {
                out.append(" \\fI").append(roff(option.getTitle())).append("\\fR");
            }
            out.append('\n').append(roff(option.getDescription())).append('\n');
        }
        out.append(".SH SEE ALSO\n\\fBauthlete\\fR(1)\n");
        return out.toString();
    }

    /** Text safe for roff: backslashes and hyphens escaped, no line starting with a control character. */
    static String roff(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
