package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.catalog.Operation;

/** A tool's description, in our words, from what the catalog says about the operation. */
final class ToolDescriptions {

    private ToolDescriptions() {}

    static String describe(Operation operation, McpOptions options) {
        StringBuilder text = new StringBuilder(operation.summary())
                .append(". Calls ")
                .append(operation.method())
                .append(' ')
                .append(operation.path())
                .append(" of the Authlete API (CLI: authlete ")
                .append(operation.command())
                .append(").");
        if (ToolSet.readsOnly(operation)) {
            text.append(" Reads only.");
        } else if (operation.destructive()) {
            text.append(" Deletes or revokes, and cannot be undone")
                    .append(
                            options.allowDestructive()
                                    ? "; confirm with the user first."
                                    : "; refused by this server (started without --allow-destructive).");
        } else {
            text.append(" May change state in Authlete.");
        }
        if (operation.replacesWholeObject()) {
            text.append(" Changes only the fields given: the current object is read first with ")
                    .append(operation.readCurrent().replace(' ', '_'))
                    .append(" (needs read permission); replace=true sends exactly the fields given instead.");
        }
        if (operation.revealsSecret()) {
            text.append(" Returns a newly generated secret, shown only this once.");
        }
        if (operation.list() != null) {
            text.append(" Returns a list in '")
                    .append(operation.list().field())
                    .append("'")
                    .append(
                            operation.list().paginated()
                                    ? ", at most " + options.pageLimit() + " items per call (page with start and end)."
                                    : ", cut to " + options.pageLimit() + " items.");
        }
        if (operation.body() != null && operation.body().isForm()) {
            text.append(" Sent form-encoded.");
        }
        return text.toString();
    }
}
