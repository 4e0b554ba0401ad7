package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ErrorText;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.Prompt;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.declarative.DesiredState;
import com.authlete.toolkit.declarative.Diff;
import com.authlete.toolkit.declarative.DiffText;
import com.authlete.toolkit.declarative.LiveState;
import com.authlete.toolkit.declarative.Plan;
import com.authlete.toolkit.declarative.ResourceDiff;
import com.authlete.toolkit.render.TerminalSafe;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.util.List;

@Command(
        name = "apply",
        description =
                "Make the live service match the files of a configuration directory: prints the plan, asks "
                        + "on a terminal (--yes to skip), then updates the service, creates and updates clients, and deletes clients without "
                        + "a file only with --prune. Stops at the first API error and says what was applied. Running it again changes nothing.")
public final class ApplyCommand extends DeclarativeCommand {

    @Option(name = "--yes", description = "Apply without asking (needed when standard input is not a terminal).")
    boolean yes;

    @Option(name = "--prune", description = "Delete the clients that have no file.")
    boolean prune;

    @Option(name = "--dry-run", description = "Print the plan and the requests it would send; send nothing.")
    boolean dryRun;

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException {
        DiffText text = new DiffText(colored(context));
        Settings settings = settings(context);
        String serviceId = serviceId(settings);
        DesiredState desired = desired(context);
        withConnection(context, settings, authlete -> {
            Diff diff = Diff.between(desired, LiveState.fetch(authlete, serviceId), prune);
            context.err().print(text.unmanaged(diff));
            if (diff.isEmpty()) {
                context.out().println("Nothing to apply: service " + serviceId + " matches the files.");
                return;
            }
            context.out().print(text.render(diff));
            Plan plan = Plan.of(diff);
            if (dryRun) {
                printRequests(context, plan.requests(authlete), desired);
                return;
            }
            if (confirm(context, plan)) {
                // Asked and answered: the service may have changed while the plan was being read.
                List<String> drift = plan.drift(authlete);
                if (!drift.isEmpty()) {
                    throw new CliException(
                            ExitCode.ERROR,
                            TerminalSafe.line(desired.masked(String.join("; ", drift)))
                                    + " since the plan was made; nothing was changed (run apply again to see the new plan)");
                }
            }
            Plan.Report report = plan.apply(authlete, done -> context.out().println(describe(done)));
            if (!report.complete()) {
                String step = verb(report.failed().resource()) + " "
                        + subject(report.failed().resource());
                String message = "apply stopped at '" + step + "': " + ErrorText.of(report.error()) + "; applied "
                        + report.applied().size() + " of " + plan.steps().size()
                        + (report.applied().isEmpty() ? "" : " (listed above)");
                throw new CliException(ExitCode.of(report.error().category()), message);
            }
            context.out()
                    .println("Applied " + report.applied().size() + " change"
                            + (report.applied().size() == 1 ? "" : "s") + " to service " + serviceId + ".");
        });
    }

    /** Whether a person was asked (and said yes); false when --yes answered for them. */
    private boolean confirm(CommandContext context, Plan plan) throws CliException {
        if (yes) {
            return false;
        }
        if (!context.terminal().stdinIsTerminal()) {
            throw CliException.usage(
                    "standard input is not a terminal, so apply cannot ask; give --yes to apply without asking");
        }
        if (!Prompt.yes(
                context.out(),
                context.err(),
                context.lines(),
                "Apply " + plan.steps().size() + " change" + (plan.steps().size() == 1 ? "" : "s") + " to service "
                        + plan.serviceId() + "?")) {
            throw new CliException(ExitCode.ERROR, "apply cancelled; nothing was changed");
        }
        return true;
    }

    /** The requests, secrets and every value substituted from the environment masked. */
    private static void printRequests(CommandContext context, List<PreparedRequest> requests, DesiredState desired) {
        context.out().println("Dry run: these requests would be sent (nothing was):");
        for (PreparedRequest request : requests) {
            context.out().println(desired.masked(request.method() + " " + request.target()));
            request.bodyBytes()
                    .ifPresent(body -> context.out().println("  " + desired.masked(Redactor.json(request.bodyText()))));
        }
    }

    private static String describe(Plan.Applied done) {
        String line = verb(done.resource()) + "d " + subject(done.resource());
        return done.resource().action() == ResourceDiff.Action.CREATE ? line + " (clientId " + done.id() + ")" : line;
    }

    private static String verb(ResourceDiff resource) {
        return switch (resource.action()) {
            case CREATE -> "create";
            case DELETE -> "delete";
            default -> "update";
        };
    }

    private static String subject(ResourceDiff resource) {
        // Names come from the server (or from files): escaped, so that no control character reaches the terminal.
        return TerminalSafe.line(
                resource.kind().equals("service") ? "service " + resource.id() : "client " + resource.name());
    }
}
