package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.TransportSetup;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.Confirmation;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.declarative.ConfigFileException;
import com.authlete.toolkit.declarative.DesiredState;
import com.authlete.toolkit.render.ColorChoice;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.restrictions.Required;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** What export, diff and apply share: the directory, the profile and service, the connection, colour. */
abstract class DeclarativeCommand extends BuiltinCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @AirlineModule
    NetworkOptions network = new NetworkOptions();

    @Option(
            name = "--dir",
            title = "dir",
            description = "The configuration directory: service.yaml and clients/*.yaml.")
    @Required
    String dir;

    @Option(
            name = "--color",
            title = "auto|always|never",
            description = "Colour the differences: auto (default) on a terminal unless NO_COLOR is set.")
    String color;

    Settings settings(CommandContext context) throws CredentialsException {
        return Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
    }

    static String serviceId(Settings settings) throws CliException {
        return settings.get("service-id")
                .orElseThrow(
                        () -> CliException.usage(
                                "no service id: give --service-id, set AUTHLETE_SERVICE_ID, or save one with 'authlete configure' or 'authlete link'"));
    }

    AuthleteClient connect(CommandContext context, Settings settings) throws CredentialsException, CliException {
        // Apply asks its own question for the whole plan, and refuses without --yes off a terminal.
        return TransportSetup.client(
                        settings,
                        context.environment(),
                        null,
                        network,
                        context.version(),
                        context.err(),
                        Confirmation.ALLOW)
                .build();
    }

    /** What a command does with its connection; a bad file or an I/O failure is reported for it. */
    interface Work {
        void run(AuthleteClient authlete) throws CliException, ConfigFileException, IOException;
    }

    void withConnection(CommandContext context, Settings settings, Work work)
            throws CliException, CredentialsException {
        try (AuthleteClient authlete = connect(context, settings)) {
            work.run(authlete);
        } catch (ConfigFileException e) {
            throw CliException.usage(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory(CommandContext context) {
        return context.workingDirectory().resolve(dir);
    }

    /** The files, read and checked; a bad file is a usage error naming the file and the place. */
    DesiredState desired(CommandContext context) throws CliException {
        try {
            return DesiredState.read(directory(context), context.environment());
        } catch (ConfigFileException e) {
            throw CliException.usage(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean colored(CommandContext context) throws CliException {
        try {
            return (color == null ? ColorChoice.AUTO : ColorChoice.parse(color))
                    .enabled(context.terminal().stdoutIsTerminal(), context.environment());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
