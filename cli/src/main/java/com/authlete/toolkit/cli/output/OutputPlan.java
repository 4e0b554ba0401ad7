package com.authlete.toolkit.cli.output;

import com.authlete.toolkit.render.FieldSelector;
import com.authlete.toolkit.render.JqFilter;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import java.nio.file.Path;

/**
 * How a response is to be shown, resolved from a front end's flags.
 *
 * @param format     the output format; null means the response bytes as received (JSON passthrough)
 * @param render     colour, table width, indentation
 * @param fields     a selection of fields, or null
 * @param jq         a compiled jq program, or null
 * @param outputFile a file to write atomically instead of standard output, or null
 * @param raw        with {@code jq}: strings printed as plain text
 */
public record OutputPlan(
        OutputFormat format, RenderOptions render, FieldSelector fields, JqFilter jq, Path outputFile, boolean raw) {

    /** Whether the response bytes can go out untouched. */
    public boolean passthrough() {
        return (format == null || format == OutputFormat.JSON && !render.indent()) && fields == null && jq == null;
    }

    /** The format to use when the response must be parsed: JSON when none was chosen. */
    public OutputFormat effectiveFormat() {
        return format == null ? OutputFormat.JSON : format;
    }
}
