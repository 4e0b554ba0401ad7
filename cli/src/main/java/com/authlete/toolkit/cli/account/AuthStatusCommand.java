package com.authlete.toolkit.cli.account;

import com.authlete.toolkit.cli.TokenSource;
import com.authlete.toolkit.credentials.oauth.OAuthGrant;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.Settings;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.util.Map;
import java.util.Optional;

@Command(name = "status", description = "Show the active profile, where the token comes from (masked), server and service id")
public final class AuthStatusCommand extends AccountCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    /** A stored OAuth login may be renewed on the way: that talks to its authorization server. */
    @AirlineModule
    com.authlete.toolkit.cli.NetworkOptions network = new com.authlete.toolkit.cli.NetworkOptions();

    @Option(name = "--all", description = "List every profile of the config file.")
    boolean all;

    static Optional<ResolvedToken> resolve(Settings settings, AccountContext context, com.authlete.toolkit.cli.NetworkOptions network)
            throws CredentialsException, TransportException {
        return TokenSource.resolve(settings, context.environment(), null, network, context.version(), context.err());
    }

    @Override
    public void run(AccountContext context) throws CredentialsException, TransportException {
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        if (all) {
            // What each profile itself holds, whatever flags, environment or link file would add on top.
            String defaultProfile = settings.configFile().defaultProfile().orElse("default");
            CredentialStore store = CredentialStore.of(settings, context.environment());
            for (String name : settings.configFile().profileNames()) {
                Map<String, String> profile = settings.configFile().profile(name);
                Optional<ResolvedToken> token = store.read(name);
                context.out().printf("%s %-16s token %-12s server %-24s service %s%n", name.equals(defaultProfile) ? "*" : " ", name,
                        token.map(AuthStatusCommand::describe).orElse("(none)"),
                        profile.getOrDefault("server-url", profile.getOrDefault("server", "0")), profile.getOrDefault("service-id", "-"));
            }
            return;
        }
        Optional<ResolvedToken> token = resolve(settings, context, network);
        context.out().println("profile:     " + settings.profile());
        context.out().println("token:       " + token.map(t -> t.masked() + " (from " + t.origin() + ")").orElse("none"));
        context.out().println("server:      " + settings.get("server-url").orElse(settings.get("server").orElse("0"))
                + settings.origin(settings.get("server-url").isPresent() ? "server-url" : "server").map(o -> " (from " + o + ")").orElse(""));
        context.out().println("service id:  " + settings.get("service-id").map(id -> id + settings.origin("service-id")
                .map(o -> " (from " + o + ")").orElse("")).orElse("none"));
        context.out().println("config file: " + settings.configFile().path());
        settings.link().ifPresent(link -> context.out().println("link file:   " + link.path()));
    }

    /** A stored value as shown in the profile list: a masked token, or the kind of OAuth login. */
    private static String describe(ResolvedToken stored) {
        if (!OAuthGrant.isGrant(stored.token())) {
            return stored.masked();
        }
        try {
            OAuthGrant grant = OAuthGrant.fromJson(stored.token());
            return "oauth:" + grant.grantType() + "(" + grant.clientId() + ")";
        } catch (CredentialsException e) {
            return "(damaged OAuth login)";
        }
    }
}
