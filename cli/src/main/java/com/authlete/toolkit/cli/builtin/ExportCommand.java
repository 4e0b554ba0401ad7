package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.declarative.Export;
import com.authlete.toolkit.declarative.LiveState;
import com.authlete.toolkit.render.AtomicFile;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(
        name = "export",
        description =
                "Write the service and each of its clients as YAML files in a directory (service.yaml, "
                        + "clients/NAME.yaml), for diff and apply. Fields the server sets and empty fields are left out; secrets are never "
                        + "written: each becomes an ${env:NAME} reference, and the variables to set are listed on standard error.")
public final class ExportCommand extends DeclarativeCommand {

    @Option(
            name = "--force",
            description = "Overwrite files that were changed since an export wrote them (or that it never wrote);"
                    + " without it export refuses them and writes nothing.")
    boolean force;

    @Option(
            name = "--env-template",
            title = "file",
            description = "Also write the variables the secrets became, as NAME= lines to fill in (mode 0600;"
                    + " an existing file is not overwritten).")
    String envTemplate;

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException, AuthleteException {
        Settings settings = settings(context);
        String serviceId = serviceId(settings);
        Path template = envTemplate == null ? null : context.workingDirectory().resolve(envTemplate);
        if (template != null && (Files.exists(template) || Files.isSymbolicLink(template))) {
            throw CliException.usage(
                    "--env-template: " + envTemplate + " exists; give a new file (it is not overwritten)");
        }
        withConnection(context, settings, authlete -> {
            List<Export.ExportedFile> files = Export.of(LiveState.fetch(authlete, serviceId));
            List<String> others;
            try {
                others = Export.write(directory(context), files, force);
            } catch (Export.EditedFilesException e) {
                throw new CliException(
                        ExitCode.ERROR,
                        "these files were changed since an export wrote them (or not written by export); nothing was"
                                + " written (--force overwrites them): "
                                + String.join(", ", e.files()));
            }
            context.out()
                    .println("Exported service " + serviceId + " and " + (files.size() - 1)
                            + (files.size() == 2 ? " client" : " clients") + " to " + dir + ".");
            List<String> variables =
                    files.stream().flatMap(file -> file.variables().stream()).toList();
            if (!variables.isEmpty()) {
                if (template != null) {
                    writeTemplate(template, variables);
                }
                context.err()
                        .println("Secrets were not written; set these variables before diff or apply"
                                + (template != null
                                        ? " (" + envTemplate + " lists them to fill in):"
                                        : " (--env-template FILE writes them as a file to fill in):"));
                variables.forEach(variable -> context.err().println("  " + variable));
            }
            for (String other : others) {
                context.err()
                        .println("note: " + other
                                + " was not written by this export (a client since deleted?); remove it if so");
            }
        });
    }

    /** NAME= lines, private: the file is meant to receive the secrets. */
    private static void writeTemplate(Path template, List<String> variables) throws IOException {
        StringBuilder text = new StringBuilder(
                "# Secrets of an authlete export: fill in each value, then load these before diff or apply.\n");
        variables.forEach(variable -> text.append(variable).append("=\n"));
        try (AtomicFile out = AtomicFile.create(template)) {
            out.stream().write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.commit(true);
        }
    }
}
