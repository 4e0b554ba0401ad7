package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.LinkFile;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.render.TerminalSafe;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "link", description = "Make this directory tree default to a service id (writes .authlete.yaml here)")
public final class LinkCommand extends BuiltinCommand {

    @AirlineModule
    DebugOption debug = new DebugOption();

    @Arguments(title = "service-id", description = "The service id commands run below this directory use by default.")
    List<String> serviceId;

    @Option(name = "--profile", title = "name", description = "Also pin the profile for this directory tree.")
    String profile;

    @Option(name = "--show", description = "Print the link that applies here (the nearest .authlete.yaml), if any.")
    boolean show;

    @Option(name = "--unset", description = "Remove this directory's link file.")
    boolean unset;

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException {
        if (show || unset) {
            if (serviceId != null || profile != null || (show && unset)) {
                throw CliException.usage("--show and --unset take nothing else");
            }
            if (show) {
                show(context);
            } else if (LinkFile.remove(context.workingDirectory())) {
                context.err().println("Unlinked " + context.workingDirectory().toAbsolutePath());
            } else {
                throw new CliException(
                        ExitCode.ERROR,
                        "no " + LinkFile.NAME + " in "
                                + context.workingDirectory().toAbsolutePath()
                                + LinkFile.find(context.workingDirectory())
                                        .map(nearest -> " (the link here comes from " + nearest.path() + ")")
                                        .orElse(""));
            }
            return;
        }
        if (serviceId == null || serviceId.size() != 1 || serviceId.get(0).isBlank()) {
            throw CliException.usage("give exactly one service id: authlete link <service-id>");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service-id", serviceId.get(0).strip());
        if (profile != null) {
            // A link to a profile that does not exist would make every command below fail later, far from here.
            Map<String, String> flags = new LinkedHashMap<>();
            flags.put("profile", profile);
            Settings.load(flags, context.environment(), context.workingDirectory())
                    .requireKnownProfile();
            values.put("profile", profile);
        }
        Path file = LinkFile.write(context.workingDirectory(), values);
        context.err()
                .println("Linked " + context.workingDirectory().toAbsolutePath() + " to service " + serviceId.get(0)
                        + " (" + file + ")");
    }

    private static void show(CommandContext context) throws CliException, CredentialsException {
        LinkFile link = LinkFile.find(context.workingDirectory())
                .orElseThrow(() -> new CliException(
                        ExitCode.ERROR, "no link applies here (no " + LinkFile.NAME + " here or above)"));
        link.values().forEach((key, value) -> context.out().println(key + ": " + TerminalSafe.line(value)));
        context.err().println("(from " + link.path() + ")");
    }
}
