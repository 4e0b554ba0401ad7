package com.authlete.toolkit.cli.account;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.Tokens;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;

@Command(name = "login", description = "Check a token with the API and store it for a profile (keychain, else the config file)")
public final class AuthLoginCommand extends AccountCommand {

    @AirlineModule
    TokenInput token = new TokenInput();

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @Override
    public void run(AccountContext context) throws CliException, CredentialsException {
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        String value = token.read(context, true);
        if (value == null) {
            throw CliException.usage("give the token with --token-stdin, --token-file FILE or --token TOKEN");
        }
        TokenVerifier.verify(value, settings, context.version());
        java.util.Map<String, String> remembered = new java.util.LinkedHashMap<>();
        target.asFlags().forEach((key, setting) -> {
            if (setting != null && !key.equals("profile")) {
                remembered.put(key, setting);
            }
        });
        if (!remembered.isEmpty()) {
            settings.configFile().update(settings.profile(), remembered, settings.configFile().profileNames().isEmpty());
        }
        CredentialStore.Stored stored = CredentialStore.of(settings, context.environment())
                .store(settings.profile(), value);
        stored.warning().ifPresent(warning -> context.err().println("warning: " + warning));
        context.err().println("Logged in: profile " + settings.profile() + ", token " + Tokens.mask(value) + " stored in " + stored.where());
    }
}
