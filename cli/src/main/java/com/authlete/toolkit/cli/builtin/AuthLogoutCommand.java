package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;

@Command(
        name = "logout",
        description = "Forget the stored token of a profile (the token itself stays valid until revoked)")
public final class AuthLogoutCommand extends BuiltinCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    @AirlineModule
    DebugOption debug = new DebugOption();

    @Option(
            name = "--yes",
            description =
                    "Accepted for scripts; logging out never asks (the token is only forgotten here, not revoked).")
    boolean yes;

    @Override
    public void run(CommandContext context) throws CredentialsException {
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        // The same profile check as every command: a typo is not "nothing to forget".
        CredentialStore.requireKnownProfile(settings, context.environment());
        boolean found = CredentialStore.of(settings, context.environment()).forget(settings.profile());
        context.err()
                .println(
                        found
                                ? "Logged out: forgot the token of profile " + settings.profile()
                                        + " (it is not revoked on the server)"
                                : "No token was stored for profile " + settings.profile());
    }
}
