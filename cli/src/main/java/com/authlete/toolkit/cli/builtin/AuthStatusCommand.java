package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.TransportSetup;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.ServerChoice;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.connect.CredentialChain;
import com.authlete.toolkit.credentials.oauth.OAuthGrant;
import com.authlete.toolkit.render.OutputFormat;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.util.Map;
import java.util.Optional;

@Command(
        name = "status",
        description = "Show the active profile, where the token comes from (masked), server and service id")
public final class AuthStatusCommand extends BuiltinCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    /** A stored OAuth login may be renewed on the way: that talks to its authorization server. */
    @AirlineModule
    NetworkOptions network = new NetworkOptions();

    @AirlineModule
    AnswerFormat format = new AnswerFormat();

    @Option(name = "--all", description = "List every profile of the config file.")
    boolean all;

    @Option(name = "--offline", description = "Do not ask the server whether the token is valid.")
    boolean offline;

    static Optional<ResolvedToken> resolve(Settings settings, CommandContext context, NetworkOptions network)
            throws CredentialsException, CliException {
        return TransportSetup.token(settings, context.environment(), null, network, context.version(), context.err());
    }

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException, AuthleteException {
        OutputFormat outputFormat = format.chosen();
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        if (all) {
            // What each profile itself holds, whatever flags, environment or link file would add on top.
            String defaultProfile = settings.configFile().defaultProfile().orElse("default");
            CredentialStore store = CredentialStore.of(settings, context.environment());
            for (String name : settings.configFile().profileNames()) {
                Map<String, String> profile = settings.configFile().profile(name);
                Optional<ResolvedToken> token = store.read(name);
                context.out()
                        .printf(
                                "%s %-16s token %-12s server %-24s service %s%n",
                                name.equals(defaultProfile) ? "*" : " ",
                                name,
                                token.map(AuthStatusCommand::describe).orElse("(none)"),
                                profile.getOrDefault("server-url", profile.getOrDefault("server", "0")),
                                profile.getOrDefault("service-id", "-"));
            }
            return;
        }
        CredentialStore.requireKnownProfile(settings, context.environment());
        Optional<ResolvedToken> token = resolve(settings, context, network);
        String server;
        try {
            server = ServerChoice.baseUrl(settings, Catalog.standardServers()).toString();
        } catch (IllegalArgumentException e) {
            server = "(" + e.getMessage() + ")";
        }
        String serverOrigin = settings.origin(ServerChoice.winningKey(settings)).orElse("default");
        // As gh does: the token is checked with the server (bounded by the usual time limits), unless --offline.
        String check = token.isEmpty()
                ? null
                : offline
                        ? "not checked (--offline)"
                        : TokenVerifier.describe(token.get().token(), settings, context, network);
        if (outputFormat != null) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("profile", settings.profile());
            answer.put("token", token.map(ResolvedToken::masked).orElse(null));
            answer.put("tokenSource", token.map(ResolvedToken::origin).orElse(null));
            answer.put("tokenCheck", check);
            answer.put("server", server);
            answer.put("serverSource", serverOrigin);
            answer.put("serviceId", settings.get("service-id").orElse(null));
            answer.put("serviceIdSource", settings.origin("service-id").orElse(null));
            answer.put("configFile", settings.configFile().path().toString());
            answer.put(
                    "linkFile",
                    settings.link().map(link -> link.path().toString()).orElse(null));
            AnswerFormat.print(outputFormat, answer, context.out());
        } else {
            context.out().println("profile:     " + settings.profile());
            context.out()
                    .println("token:       "
                            + token.map(t -> t.masked() + " (from " + t.origin() + "): " + check)
                                    .orElse("none"));
            context.out().println("server:      " + server + " (from " + serverOrigin + ")");
            context.out()
                    .println("service id:  "
                            + settings.get("service-id")
                                    .map(id -> id
                                            + settings.origin("service-id")
                                                    .map(o -> " (from " + o + ")")
                                                    .orElse(""))
                                    .orElse("none"));
            context.out().println("config file: " + settings.configFile().path());
            settings.link().ifPresent(link -> context.out().println("link file:   " + link.path()));
        }
        if (token.isEmpty()) {
            // Exit 1 as gh's auth status does: scripts can test "is there a token" by the exit status alone.
            context.out().flush();
            throw new CliException(
                    ExitCode.ERROR, "no API token: run 'authlete auth login' or set " + CredentialChain.BEARER_ENV);
        }
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
