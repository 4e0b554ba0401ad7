package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.Prompt;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.ServerChoice;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.Tokens;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.ServerSelection;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(
        name = "configure",
        description = "Save server, service id and token for a profile (asks for them on a terminal)")
public final class ConfigureCommand extends BuiltinCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @AirlineModule
    TokenInput token = new TokenInput();

    /** The new token is checked against the server before it is stored. */
    @AirlineModule
    NetworkOptions network = new NetworkOptions();

    @Option(name = "--default", description = "Make this profile the default one.")
    boolean makeDefault;

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException {
        boolean interactive = context.terminal().stdinIsTerminal()
                && target.server == null
                && target.serverUrl == null
                && target.serviceId == null
                && !token.given();
        BufferedReader terminal = context.lines();
        String keptToken = null;
        Map<String, String> values = new LinkedHashMap<>();
        if (interactive) {
            // Re-running shows what the profile holds; Enter keeps it.
            Settings before = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
            Map<String, String> current = before.configFile().profile(before.profile());
            askServer(
                    context,
                    terminal,
                    current.getOrDefault("server-url", current.getOrDefault("server", "us")),
                    values);
            String serviceId =
                    ask(context, terminal, "Default service id [" + current.getOrDefault("service-id", "none") + "]: ");
            if (serviceId != null) {
                values.put("service-id", serviceId.equals("none") ? null : serviceId);
            }
            keptToken = CredentialStore.of(before, context.environment())
                    .read(before.profile())
                    .map(ResolvedToken::masked)
                    .orElse(null);
        } else {
            // Nothing on the command line and nobody to ask: say so instead of saving an empty profile; and a piped
            // token is never left unnoticed.
            if (!token.given() && !context.terminal().stdinIsTerminal() && pipedSomething(context)) {
                throw CliException.usage(
                        "configure reads a token from standard input only with --token-stdin; nothing was saved");
            }
            if (target.server == null && target.serverUrl == null && target.serviceId == null && !token.given()) {
                throw CliException.usage("nothing to save: give --server, --server-url, --service-id or a token"
                        + " (--token-stdin), or run configure on a terminal to be asked");
            }
            if (target.server != null) {
                try {
                    ServerChoice.index(target.server, Catalog.standardServers());
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
                values.put("server", target.server);
            }
            if (target.serverUrl != null) {
                values.put("server-url", target.serverUrl);
            }
            if (target.serviceId != null) {
                values.put("service-id", target.serviceId);
            }
        }
        // The token is checked against the server chosen above (the flags, or the answers; null where none).
        ProfileTarget chosen = new ProfileTarget();
        chosen.profile = target.profile;
        chosen.server = values.get("server");
        chosen.serverUrl = values.get("server-url");
        chosen.serviceId = values.get("service-id");
        Settings settings = Settings.load(chosen.asFlags(), context.environment(), context.workingDirectory());
        String newToken = keptToken != null ? token.readOrKeep(context, keptToken) : token.read(context, interactive);
        if (newToken != null) {
            TokenVerifier.verify(newToken, settings, context, network); // before anything is written
        }
        boolean first = settings.configFile().profileNames().isEmpty();
        String stored = "";
        if (newToken != null) {
            // The token first: a keychain that refuses it (locked) leaves the profile as it was.
            CredentialStore.Stored where =
                    CredentialStore.of(settings, context.environment()).store(settings.profile(), newToken);
            where.warning().ifPresent(warning -> context.err().println("warning: " + warning));
            stored = "; token " + Tokens.mask(newToken) + " stored in " + where.where();
        }
        settings.configFile().update(settings.profile(), values, makeDefault || first);
        context.err()
                .println("Saved profile " + settings.profile() + " in "
                        + settings.configFile().path() + stored);
    }

    /**
     * Asks for the server until the answer is a cluster name, an index or an http(s) URL (checked before the hidden
     * token is typed); Enter keeps {@code current}. A name replaces a URL in the profile and the other way round.
     */
    private static void askServer(
            CommandContext context, BufferedReader terminal, String current, Map<String, String> values)
            throws CliException {
        List<String> servers = Catalog.standardServers();
        for (int attempt = 1; ; attempt++) {
            String answer = ask(context, terminal, "Server: us, jp, eu, br or a URL [" + current + "]: ");
            if (answer == null) {
                return;
            }
            try {
                if (answer.contains("://")) {
                    ServerSelection.resolve(answer, null, servers);
                    // Refused now, before the token is typed, rather than when the token is checked.
                    HttpTransport.requireTlsBeyondLoopback(URI.create(answer));
                    values.put("server-url", answer);
                    values.put("server", null);
                } else {
                    ServerChoice.index(answer, servers);
                    values.put("server", answer);
                    values.put("server-url", null);
                }
                return;
            } catch (IllegalArgumentException e) {
                if (attempt == 3) {
                    throw CliException.usage(e.getMessage().replaceFirst("^--server expects", "the server must be"));
                }
                context.err()
                        .println("  " + e.getMessage().replaceFirst("^--server expects", "expected") + "; try again");
            }
        }
    }

    /** Whether standard input (not a terminal here) holds anything. */
    private static boolean pipedSomething(CommandContext context) {
        try {
            String line;
            while ((line = context.lines().readLine()) != null) {
                if (!line.isBlank()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String ask(CommandContext context, BufferedReader terminal, String prompt) throws CliException {
        try {
            String line = Prompt.line(context.err(), terminal, prompt);
            return line == null || line.isBlank() ? null : line.strip();
        } catch (IOException e) {
            throw CliException.usage("cannot read the answer: " + e.getMessage());
        }
    }
}
