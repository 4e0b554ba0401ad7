package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.declarative.Export;
import com.authlete.toolkit.declarative.LiveState;
import com.github.rvesse.airline.annotations.Command;
import java.util.List;

@Command(
        name = "export",
        description =
                "Write the service and each of its clients as YAML files in a directory (service.yaml, "
                        + "clients/NAME.yaml), for diff and apply. Fields the server sets and empty fields are left out; secrets are never "
                        + "written: each becomes an ${env:NAME} reference, and the variables to set are listed on standard error.")
public final class ExportCommand extends DeclarativeCommand {

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException, AuthleteException {
        Settings settings = settings(context);
        String serviceId = serviceId(settings);
        withConnection(context, settings, authlete -> {
            List<Export.ExportedFile> files = Export.of(LiveState.fetch(authlete, serviceId));
            List<String> others = Export.write(directory(context), files);
            context.out()
                    .println("Exported service " + serviceId + " and " + (files.size() - 1) + " clients to " + dir
                            + ".");
            List<String> variables =
                    files.stream().flatMap(file -> file.variables().stream()).toList();
            if (!variables.isEmpty()) {
                context.err()
                        .println("Secrets were not written; set these before diff or apply: "
                                + String.join(", ", variables));
            }
            for (String other : others) {
                context.err()
                        .println("note: " + other
                                + " was not written by this export (a client since deleted?); remove it if so");
            }
        });
    }
}
