package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.LinkFile;
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

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException {
        if (serviceId == null || serviceId.size() != 1 || serviceId.get(0).isBlank()) {
            throw CliException.usage("give exactly one service id: authlete link <service-id>");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service-id", serviceId.get(0).strip());
        if (profile != null) {
            values.put("profile", profile);
        }
        Path file = LinkFile.write(context.workingDirectory(), values);
        context.err()
                .println("Linked " + context.workingDirectory().toAbsolutePath() + " to service " + serviceId.get(0)
                        + " (" + file + ")");
    }
}
