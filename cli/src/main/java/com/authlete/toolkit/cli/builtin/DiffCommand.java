package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ErrorText;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.declarative.DesiredState;
import com.authlete.toolkit.declarative.Diff;
import com.authlete.toolkit.declarative.DiffText;
import com.authlete.toolkit.declarative.LiveState;
import com.authlete.toolkit.json.JsonTrees;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.io.UncheckedIOException;

@Command(
        name = "diff",
        description = "Compare the files of a configuration directory with the live service and its clients, "
                + "field by field. Exit status 0 when they match, 1 when they differ (like git diff --exit-code).")
public final class DiffCommand extends DeclarativeCommand {

    @Option(
            name = {"-F", "--format"},
            title = "text|json",
            description = "text (default) or json.")
    String format;

    @Option(
            name = "--prune",
            description = "Count clients that have no file as differences (apply --prune deletes them).")
    boolean prune;

    private int status;

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException, AuthleteException {
        boolean json = format != null && format.equals("json");
        if (format != null && !json && !format.equals("text")) {
            throw CliException.usage("--format expects text or json, got '" + format + "'");
        }
        boolean colored = colored(context);
        Settings settings = settings(context);
        String serviceId = serviceId(settings);
        DesiredState desired = desired(context);
        try {
            compare(context, settings, serviceId, desired, colored, json);
        } catch (AuthleteException e) {
            // 1 means "different", as in git diff --exit-code; a failure that exits 1 elsewhere exits 2 here.
            ExitCode code = ExitCode.of(e.category());
            throw new CliException(code == ExitCode.ERROR ? ExitCode.USAGE : code, ErrorText.of(e));
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.USAGE, "I/O error: " + e.getCause().getMessage());
        }
    }

    private void compare(
            CommandContext context,
            Settings settings,
            String serviceId,
            DesiredState desired,
            boolean colored,
            boolean json)
            throws CliException, CredentialsException, AuthleteException {
        withConnection(context, settings, authlete -> {
            Diff diff = Diff.between(desired, LiveState.fetch(authlete, serviceId), prune);
            DiffText text = new DiffText(colored);
            if (json) {
                context.out().println(JsonTrees.text(DiffText.json(diff)));
            } else {
                context.out().print(text.render(diff));
                context.err().print(text.unmanaged(diff));
            }
            status = diff.isEmpty() ? 0 : 1;
        });
    }

    @Override
    public int status() {
        return status;
    }
}
