package com.authlete.toolkit.cli.account;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.Tokens;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "configure", description = "Save server, service id and token for a profile (asks for them on a terminal)")
public final class ConfigureCommand extends AccountCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @AirlineModule
    TokenInput token = new TokenInput();

    /** The new token is checked against the server before it is stored. */
    @AirlineModule
    com.authlete.toolkit.cli.NetworkOptions network = new com.authlete.toolkit.cli.NetworkOptions();

    @Option(name = "--default", description = "Make this profile the default one.")
    boolean makeDefault;

    @Override
    public void run(AccountContext context) throws CliException, CredentialsException {
        boolean interactive = context.terminal().stdinIsTerminal() && target.server == null && target.serverUrl == null
                && target.serviceId == null && !token.given();
        BufferedReader terminal = context.lines();
        if (interactive) {
            target.server = ask(context, terminal, "Server (0 us, 1 jp, 2 eu, 3 br) [0]: ");
            target.serviceId = ask(context, terminal, "Default service id (empty for none): ");
        }
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        Map<String, String> values = new LinkedHashMap<>();
        if (target.server != null) {
            values.put("server", target.server);
        }
        if (target.serverUrl != null) {
            values.put("server-url", target.serverUrl);
        }
        if (target.serviceId != null) {
            values.put("service-id", target.serviceId);
        }
        String newToken = token.read(context, interactive);
        if (newToken != null) {
            TokenVerifier.verify(newToken, settings, context, network); // before anything is written
        }
        boolean first = settings.configFile().profileNames().isEmpty();
        settings.configFile().update(settings.profile(), values, makeDefault || first);
        String stored = "";
        if (newToken != null) {
            CredentialStore.Stored where = CredentialStore.of(settings, context.environment())
                    .store(settings.profile(), newToken);
            where.warning().ifPresent(warning -> context.err().println("warning: " + warning));
            stored = "; token " + Tokens.mask(newToken) + " stored in " + where.where();
        }
        context.err().println("Saved profile " + settings.profile() + " in " + settings.configFile().path() + stored);
    }

    private static String ask(AccountContext context, BufferedReader terminal, String prompt) throws CliException {
        context.err().print(prompt);
        context.err().flush();
        try {
            String line = terminal.readLine();
            return line == null || line.isBlank() ? null : line.strip();
        } catch (IOException e) {
            throw CliException.usage("cannot read the answer: " + e.getMessage());
        }
    }
}
