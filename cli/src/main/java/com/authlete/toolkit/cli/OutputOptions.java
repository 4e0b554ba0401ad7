package com.authlete.toolkit.cli;

import com.authlete.toolkit.cli.output.OutputPlan;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.render.ColorChoice;
import com.authlete.toolkit.render.FieldSelector;
import com.authlete.toolkit.render.JqFilter;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The output flags, checked and resolved: a bad value is a usage error before any request is made.
 *
 * @param format     the output format; null means the response bytes as received (JSON passthrough)
 * @param render     colour and table width
 * @param fields     the --fields selection, or null
 * @param jq         the compiled --jq program, or null
 * @param outputFile the -o file, or null for standard output
 * @param all        --all
 * @param pageSize   items per request with --all
 * @param raw        with --jq: strings printed as plain text
 */
record OutputOptions(
        OutputFormat format,
        RenderOptions render,
        FieldSelector fields,
        JqFilter jq,
        Path outputFile,
        boolean all,
        int pageSize,
        boolean raw) {

    static final int DEFAULT_PAGE_SIZE = 100;

    private static final Set<String> FORMAT_NAMES = Set.of("pretty", "json", "yaml", "yml", "table", "toon", "text");

    static OutputOptions from(
            GlobalOptions flags, Settings settings, Terminal terminal, Map<String, String> environment)
            throws CliException {
        boolean toTerminal = terminal.stdoutIsTerminal() && flags.outputFile == null;
        String formatName = settings.get("output-format").orElse(null);
        String colorName = settings.get("color").orElse(null);
        OutputFormat format;
        try {
            format = formatName != null ? OutputFormat.parse(formatName) : toTerminal ? OutputFormat.PRETTY : null;
        } catch (IllegalArgumentException e) {
            // Named where the value came from: a flag, AUTHLETE_OUTPUT_FORMAT, a link file or the profile.
            String origin = settings.origin("output-format").orElse("flags");
            throw CliException.usage((origin.equals("flags")
                            ? "--output-format"
                            : origin.toLowerCase(Locale.ROOT).contains("env")
                                    ? "AUTHLETE_OUTPUT_FORMAT"
                                    : "output-format (from " + origin + ")")
                    + ": " + e.getMessage());
        }
        boolean color;
        try {
            ColorChoice choice = colorName == null ? ColorChoice.AUTO : ColorChoice.parse(colorName);
            color = choice.enabled(toTerminal, environment);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        int width = format == OutputFormat.TABLE ? TerminalWidth.of(environment, toTerminal) : 0;
        FieldSelector fields = null;
        JqFilter jq = null;
        try {
            if (flags.fields != null) {
                fields = FieldSelector.parse(flags.fields);
            }
            if (flags.jq != null) {
                jq = JqFilter.compile(flags.jq);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        int pageSize = DEFAULT_PAGE_SIZE;
        if (flags.pageSize != null) {
            try {
                pageSize = Integer.parseInt(flags.pageSize.strip());
            } catch (NumberFormatException e) {
                pageSize = 0;
            }
            if (pageSize < 1) {
                throw CliException.usage("--page-size expects a positive integer, got '" + flags.pageSize + "'");
            }
        }
        Path outputFile = null;
        if (flags.outputFile != null) {
            if (flags.outputFile.isBlank() || new File(flags.outputFile).isDirectory()) {
                throw CliException.usage("-o expects a file name, got '" + flags.outputFile + "'");
            }
            if (FORMAT_NAMES.contains(flags.outputFile.toLowerCase(Locale.ROOT))
                    && !Files.exists(Path.of(flags.outputFile))) {
                // -o yaml would write JSON into a file named yaml: the AWS CLI's -o/--output names a format.
                throw CliException.usage("-o writes the answer to a file, and '" + flags.outputFile
                        + "' is a format name: for the format use -F " + flags.outputFile.toLowerCase(Locale.ROOT)
                        + " (--output-format); for a file of that name, write ./" + flags.outputFile);
            }
            outputFile = Path.of(flags.outputFile);
            Path directory = outputFile.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw CliException.usage("-o: no such directory: " + directory);
            }
            // Checked before anything is sent: an answer that cannot be written is lost, and some are shown only once
            // (a new client secret).
            try {
                Files.delete(Files.createTempFile(directory, ".authlete-check", ".tmp"));
            } catch (IOException | SecurityException e) {
                throw CliException.usage("-o: cannot create files in " + directory + " (" + describe(e) + ")");
            }
        }
        // -F json asked for on a terminal is for reading: indented, like gh and kubectl do. Piped, it stays one line.
        boolean indent = format == OutputFormat.JSON && toTerminal;
        if (flags.pageSize != null && !flags.all) {
            throw CliException.usage(
                    "--page-size only applies with --all (one request takes --start and --end instead)");
        }
        if (flags.raw && jq == null) {
            throw CliException.usage(
                    "--raw only applies to --jq results; add --jq, such as --jq '.services[].serviceName' -r");
        }
        // On a terminal, tables show times as dates; columns chosen with --fields keep their order.
        RenderOptions render = new RenderOptions(color, width, indent, toTerminal, fields != null);
        return new OutputOptions(format, render, fields, jq, outputFile, flags.all, pageSize, flags.raw);
    }

    /** What the render module's output pipeline needs of these. */
    OutputPlan plan() {
        return new OutputPlan(format, render, fields, jq, outputFile, raw);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e instanceof AccessDeniedException
                ? "permission denied"
                : message == null ? e.getClass().getSimpleName() : message;
    }
}
