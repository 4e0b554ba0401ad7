package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.Tokens;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(
        name = "login",
        description =
                "Store a checked API token, or log in with OAuth (--device, --browser, --client-credentials), for a profile")
public final class AuthLoginCommand extends BuiltinCommand {

    @AirlineModule
    TokenInput token = new TokenInput();

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @AirlineModule
    OAuthLoginOptions oauth = new OAuthLoginOptions();

    /** Discovery, the OAuth endpoints and the token check talk to servers: the same network flags as API commands. */
    @AirlineModule
    NetworkOptions network = new NetworkOptions();

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException, AuthleteException {
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        if (oauth.chosen()) {
            if (token.given()) {
                throw CliException.usage(
                        "give either a token (--token-stdin, --token-file, --token) or an OAuth login, not both");
            }
            new OAuthLogin(oauth, context, network).run(settings);
            remember(settings);
            return;
        }
        String value = token.read(context, true);
        if (value == null) {
            throw CliException.usage("give the token with --token-stdin, --token-file FILE or --token TOKEN");
        }
        TokenVerifier.verify(value, settings, context, network);
        remember(settings);
        CredentialStore.Stored stored =
                CredentialStore.of(settings, context.environment()).store(settings.profile(), value);
        stored.warning().ifPresent(warning -> context.err().println("warning: " + warning));
        context.err()
                .println("Logged in: profile " + settings.profile() + ", token " + Tokens.mask(value) + " stored in "
                        + stored.where());
    }

    /** The server and service id given with the login become the profile's settings. */
    private void remember(Settings settings) throws CredentialsException {
        Map<String, String> remembered = new LinkedHashMap<>();
        target.asFlags().forEach((key, setting) -> {
            if (setting != null && !key.equals("profile")) {
                remembered.put(key, setting);
            }
        });
        if (!remembered.isEmpty()) {
            settings.configFile()
                    .update(
                            settings.profile(),
                            remembered,
                            settings.configFile().profileNames().isEmpty());
        }
    }
}
